package dev.omotenashi.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code omotenashi}: the command line of the product (docs/operations.md). */
@Command(name = "omotenashi", mixinStandardHelpOptions = true, version = "Omotenashi 0.1.0",
        description = "Self-hosted web customer engagement (Web接客).",
        subcommands = {ServeCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0) System.exit(code);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
