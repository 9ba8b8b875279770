// The executable: hands this process's world to LedgerBench, where everything else lives.
#if canImport(Glibc)
import Glibc
#endif
import LedgerBench
import LedgerCLI

exit(BenchTool.run(.currentProcess()))
