package io.jenkins.plugins.awsbatch.engine.graph;

import io.jenkins.plugins.awsbatch.engine.batch.BatchLimits;

/**
 * A tiny arithmetic expression of the item count, for an aggregate stage's {@code count}:
 * {@code items}, integers, {@code + - * /} (real division), parentheses, and {@code ceil floor min max}.
 * The result is rounded up and must lie between 1 and {@link #MAX_COUNT} (the jobs one aggregate may run);
 * with zero items it is at least 1. The text is bounded in length and nesting, so it cannot exhaust the stack.
 */
public final class CountExpression {
    public static final int MAX_LENGTH = 200;
    public static final int MAX_DEPTH = 20;
    public static final int MAX_COUNT = BatchLimits.MAX_ARRAY_SIZE;

    private final String text;

    private CountExpression(String text) {
        this.text = text;
    }

    public static CountExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the count expression is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "the count expression is " + text.length() + " characters long, more than " + MAX_LENGTH);
        }
        CountExpression expression = new CountExpression(text);
        expression.evaluateRaw(1); // syntax check
        return expression;
    }

    public String text() {
        return text;
    }

    /** The number of jobs for {@code items} items; throws {@link IllegalArgumentException} outside 1..MAX_COUNT. */
    public int evaluate(long items) {
        double value = evaluateRaw(items);
        double rounded = Math.ceil(value - 1e-9);
        if (items == 0 && !(rounded >= 1)) {
            return 1;
        }
        if (Double.isNaN(rounded) || rounded < 1 || rounded > MAX_COUNT) {
            throw new IllegalArgumentException("count '" + text + "' is " + describe(rounded) + " for " + items
                    + " item(s); it must be between 1 and " + MAX_COUNT);
        }
        return (int) rounded;
    }

    private static String describe(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) >= 1e15) {
            return "out of range";
        }
        return String.valueOf((long) value);
    }

    private double evaluateRaw(long items) {
        Parser parser = new Parser(text, items);
        double value = parser.expression();
        parser.skipSpaces();
        if (parser.pos != text.length()) {
            throw new IllegalArgumentException(
                    "unexpected '" + text.substring(parser.pos) + "' in count expression '" + text + "'");
        }
        return value;
    }

    private static final class Parser {
        private final String text;
        private final long items;
        private int pos;
        private int depth;

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
            if (++depth > MAX_DEPTH) {
                throw new IllegalArgumentException("count expression nests deeper than " + MAX_DEPTH + " levels");
            }
            try {
                return nested();
            } finally {
                depth--;
            }
        }

        private double nested() {
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
                    throw new IllegalArgumentException(
                            "unknown word '" + word + "' in count expression '" + text + "'");
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
                throw new IllegalArgumentException(
                        "expected '" + c + "' at position " + pos + " in count expression '" + text + "'");
            }
        }
    }
}
