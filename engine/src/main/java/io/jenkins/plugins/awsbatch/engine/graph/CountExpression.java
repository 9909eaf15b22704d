package io.jenkins.plugins.awsbatch.engine.graph;


/**
 * A tiny arithmetic expression of the item count, for an aggregate stage's {@code count}:
 * {@code items}, integers, {@code + - * /} (real division), parentheses, and {@code ceil floor min max}.
 * The result is rounded up and must be at least 1.
 */
public final class CountExpression {

    private final String text;

    private CountExpression(String text) {
        this.text = text;
    }

    public static CountExpression parse(String text) {
        CountExpression expression = new CountExpression(text);
        expression.evaluateRaw(1); // syntax check
        return expression;
    }

    public int evaluate(long items) {
        double value = evaluateRaw(items);
        long rounded = (long) Math.ceil(value - 1e-9);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, rounded));
    }

    private double evaluateRaw(long items) {
        Parser parser = new Parser(text, items);
        double value = parser.expression();
        parser.skipSpaces();
        if (parser.pos != text.length()) {
            throw new IllegalArgumentException("unexpected '" + text.substring(parser.pos) + "' in count expression '" + text + "'");
        }
        return value;
    }


    private static final class Parser {
        private final String text;
        private final long items;
        private int pos;

        Parser(String text, long items) {
            this.text = text;
            this.items = items;
        }

        double expression() {
            double value = term();
            while (true) {
                skipSpaces();
                if (eat('+')) {
                    value += term();
                } else if (eat('-')) {
                    value -= term();
                } else {
                    return value;
                }
            }
        }

        double term() {
            double value = factor();
            while (true) {
                skipSpaces();
                if (eat('*')) {
                    value *= factor();
                } else if (eat('/')) {
                    double divisor = factor();
                    if (divisor == 0) {
                        throw new IllegalArgumentException("division by zero in count expression '" + text + "'");
                    }
                    value /= divisor;
                } else {
                    return value;
                }
            }
        }

        double factor() {
            skipSpaces();
            if (eat('(')) {
                double value = expression();
                expect(')');
                return value;
            }
            int start = pos;
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                    pos++;
                }
                return Double.parseDouble(text.substring(start, pos));
            }
            while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
                pos++;
            }
            String word = text.substring(start, pos);
            switch (word) {
                case "items":
                    return items;
                case "ceil", "floor":
                    expect('(');
                    double arg = expression();
                    expect(')');
                    return word.equals("ceil") ? Math.ceil(arg) : Math.floor(arg);
                case "min", "max":
                    expect('(');
                    double a = expression();
                    expect(',');
                    double b = expression();
                    expect(')');
                    return word.equals("min") ? Math.min(a, b) : Math.max(a, b);
                default:
                    throw new IllegalArgumentException("unknown word '" + word + "' in count expression '" + text + "'");
            }
        }

        void skipSpaces() {
            while (pos < text.length() && text.charAt(pos) == ' ') {
                pos++;
            }
        }

        boolean eat(char c) {
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!eat(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at position " + pos + " in count expression '" + text + "'");
            }
        }
    }
}
