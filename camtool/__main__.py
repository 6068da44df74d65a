"""`python -m camtool` is the same as the `camtool` command."""

from camtool.cli import main

raise SystemExit(main())
