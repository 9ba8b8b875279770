// The executable: hands this process's arguments, environment, working directory, streams and
// clock to LedgerCLI, where everything else lives (and tests reach it). No Foundation: a command
// must start in milliseconds.
#if canImport(Glibc)
import Glibc
#endif
import LedgerCLI

exit(LedgerTool.run(.currentProcess()))
