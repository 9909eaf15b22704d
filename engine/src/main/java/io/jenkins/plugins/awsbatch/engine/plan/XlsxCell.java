package io.jenkins.plugins.awsbatch.engine.plan;

/**
 * One cell of a sheet as its XML holds it: {@code type} is the {@code t} attribute (null for a number),
 * {@code value} the text of {@code <v>} or of an inline string (null when absent), {@code formula} the text of
 * {@code <f>} ("" for a shared formula's dependents, null when the cell has none), {@code style} the {@code s}
 * attribute.
 */
record XlsxCell(String type, String value, String formula, int style) {

    boolean isFormula() {
        return formula != null;
    }
}
