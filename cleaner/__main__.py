"""``python -m cleaner``: the same command line as ``cleaner``."""

from .cli import main

if __name__ == "__main__":
    main()
