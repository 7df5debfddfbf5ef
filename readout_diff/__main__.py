"""``python -m readout_diff`` runs the command line."""

from readout_diff.cli import main

if __name__ == "__main__":
    main()
