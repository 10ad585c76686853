import sys

from alignmem.cli import main

sys.exit(main())
