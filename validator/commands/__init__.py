"""One module per ``ce-validator`` subcommand (see ``validator.arguments.COMMANDS``)."""
