"""``python -m scrapeclean``: the command line."""

from scrapeclean.cli import main

raise SystemExit(main())
