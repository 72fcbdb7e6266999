"""Sub-commands of main.py. Each module has add_parser(subparsers) and run(args) -> exit status."""
