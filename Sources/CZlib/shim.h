// The system's zlib (Debian's zlib1g-dev), for raw and zlib-wrapped DEFLATE in PDF and .docx.
#include <zlib.h>
