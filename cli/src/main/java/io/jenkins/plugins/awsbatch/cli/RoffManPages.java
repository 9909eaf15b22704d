package io.jenkins.plugins.awsbatch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Man pages in roff ({@code man -l batchgraph-run.1}), written at build time from the same picocli model as
 * {@code --help}: {@code batchgraph.1} and one {@code batchgraph-COMMAND.1} per command. picocli itself writes
 * AsciiDoc only, and the AsciiDoc converters need Ruby (asciidoctor) or JRuby (asciidoctorj).
 */
public final class RoffManPages {
    private RoffManPages() {}

    /** {@code RoffManPages OUTDIR}: writes every page into OUTDIR. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: RoffManPages OUTDIR");
            System.exit(2);
        }
        List<Path> written = write(BatchGraphCli.commandLine(), Path.of(args[0]), BuildVersion.version());
        System.out.println("man pages: " + written.size() + " in " + args[0]);
    }

    /** Writes the page of {@code top} and of each of its commands; returns the files. */
    static List<Path> write(CommandLine top, Path dir, String version) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            written.add(writePage(top, dir, version));
            for (CommandLine sub : top.getSubcommands().values()) {
                if (!sub.getCommandSpec().usageMessage().hidden()) {
                    written.add(writePage(sub, dir, version));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the man pages into " + dir, e);
        }
        return written;
    }

    private static Path writePage(CommandLine command, Path dir, String version) throws IOException {
        String name = command.getCommandSpec().qualifiedName("-");
        Path file = dir.resolve(name + ".1");
        Files.writeString(file, page(command, version), StandardCharsets.UTF_8);
        return file;
    }

    /** The roff source of one command's page. */
    static String page(CommandLine command, String version) {
        CommandSpec spec = command.getCommandSpec();
        Help help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
        String name = spec.qualifiedName("-");
        StringBuilder out = new StringBuilder();
        out.append(".\\\" Generated from the batchgraph commands by RoffManPages; do not edit.\n");
        out.append(".TH \"")
                .append(name.toUpperCase(java.util.Locale.ROOT))
                .append("\" \"1\" \"\" \"batchgraph ")
                .append(escape(version))
                .append("\" \"batchgraph Manual\"\n");
        out.append(".SH NAME\n")
                .append(escape(name))
                .append(" \\- ")
                .append(escape(String.join(" ", spec.usageMessage().description())))
                .append('\n');
        out.append(".SH SYNOPSIS\n.nf\n")
                .append(escape(help.synopsis(0).stripTrailing()))
                .append("\n.fi\n");
        if (!spec.positionalParameters().isEmpty()) {
            out.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec parameter : spec.positionalParameters()) {
                if (!parameter.hidden()) {
                    item(out, "\\fI" + escape(parameter.paramLabel()) + "\\fR", parameter.description());
                }
            }
        }
        out.append(".SH OPTIONS\n");
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            StringBuilder term = new StringBuilder();
            for (String optionName : option.names()) {
                term.append(term.isEmpty() ? "" : ", ")
                        .append("\\fB")
                        .append(escape(optionName))
                        .append("\\fR");
            }
            if (option.arity().max() == 0) { // a flag
                item(out, term.toString(), option.description());
            } else {
                item(out, term + " \\fI" + escape(option.paramLabel()) + "\\fR", option.description());
            }
        }
        if (!command.getSubcommands().isEmpty()) {
            out.append(".SH COMMANDS\n");
            command.getSubcommands().forEach((sub, line) -> {
                if (!line.getCommandSpec().usageMessage().hidden()) {
                    item(
                            out,
                            "\\fB" + escape(sub) + "\\fR",
                            line.getCommandSpec().usageMessage().description());
                }
            });
        }
        Map<String, String> exitCodes = spec.usageMessage().exitCodeList();
        if (!exitCodes.isEmpty()) {
            out.append(".SH EXIT STATUS\n");
            exitCodes.forEach(
                    (code, meaning) -> item(out, "\\fB" + escape(code.strip()) + "\\fR", new String[] {meaning}));
        }
        out.append(".SH SEE ALSO\n");
        if (spec.parent() == null) {
            List<String> pages = new ArrayList<>();
            command.getSubcommands().values().stream()
                    .filter(c -> !c.getCommandSpec().usageMessage().hidden())
                    .forEach(c -> pages.add("\\fB" + escape(c.getCommandSpec().qualifiedName("-")) + "\\fR(1)"));
            out.append(String.join(", ", pages)).append('\n');
        } else {
            out.append("\\fBbatchgraph\\fR(1); docs/cli.md in the batchgraph sources\n");
        }
        return out.toString();
    }

    private static void item(StringBuilder out, String term, String[] description) {
        out.append(".TP\n").append(term).append('\n');
        List<String> lines = new ArrayList<>();
        for (String line : description) {
            lines.add(escape(line));
        }
        out.append(lines.isEmpty() ? "\\&" : String.join("\n.br\n", lines)).append('\n');
    }

    /** Text as roff prints it: backslashes and hyphens literal, no line taken for a request. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        StringBuilder out = new StringBuilder();
        for (String line : escaped.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line);
        }
        return out.toString();
    }
}
