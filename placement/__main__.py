"""``python -m placement``: the same as the ``placement`` command."""

from placement.cli import main

if __name__ == "__main__":
    main()
