package dev.omotenashi.server.cli;

import picocli.CommandLine.ArgGroup;

/** Lets {@code serve} and {@code demo} share {@link ServerOptions}. */
final class ServerOptionsMixin {
    @ArgGroup(exclusive = false, heading = "Server options:%n")
    ServerOptions values = new ServerOptions();
}
