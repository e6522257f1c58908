"""One module per ``ce-validator`` subcommand (see ``validator.cli.COMMANDS``)."""
