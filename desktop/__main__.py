"""Allow ``python -m desktop``."""

import sys

from desktop import main

sys.exit(main())
