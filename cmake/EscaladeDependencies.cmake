# EscaladeDependencies.cmake — finds the Debian-packaged dependencies and
# wraps each in an interface target, so layers state what they link and no
# more. The runtime layer must link neither ANTLR nor LLVM.

# LLVM 14 Support, linked statically: a small tool starts in a few
# milliseconds this way, against tens of milliseconds for libLLVM-14.so.
find_program(LLVM_CONFIG NAMES llvm-config-14 llvm-config REQUIRED)
execute_process(COMMAND ${LLVM_CONFIG} --includedir
  OUTPUT_VARIABLE LLVM_INCLUDE_DIR OUTPUT_STRIP_TRAILING_WHITESPACE)
execute_process(COMMAND ${LLVM_CONFIG} --link-static --libfiles support
  OUTPUT_VARIABLE LLVM_SUPPORT_LIBFILES OUTPUT_STRIP_TRAILING_WHITESPACE)
execute_process(COMMAND ${LLVM_CONFIG} --bindir
  OUTPUT_VARIABLE LLVM_TOOLS_DIR OUTPUT_STRIP_TRAILING_WHITESPACE)
separate_arguments(LLVM_SUPPORT_LIBFILES)
find_package(ZLIB REQUIRED)
find_library(TINFO_LIBRARY NAMES tinfo REQUIRED)
find_package(Threads REQUIRED)
add_library(escalade_llvm_support INTERFACE)
target_include_directories(escalade_llvm_support SYSTEM INTERFACE ${LLVM_INCLUDE_DIR})
target_link_libraries(escalade_llvm_support INTERFACE
  ${LLVM_SUPPORT_LIBFILES} ZLIB::ZLIB ${TINFO_LIBRARY} Threads::Threads ${CMAKE_DL_LIBS})

# ANTLR 4: the 4.7.2 tool generates the parser at build time; the 4.9
# runtime is linked statically into the parse layer only.
find_program(ANTLR4_TOOL NAMES antlr4 REQUIRED)
find_package(antlr4-runtime REQUIRED)
add_library(escalade_antlr4 INTERFACE)
target_include_directories(escalade_antlr4 SYSTEM INTERFACE ${ANTLR4_INCLUDE_DIR})
target_link_libraries(escalade_antlr4 INTERFACE antlr4_static)

find_package(fmt REQUIRED)

# The calendar (runtime/calendar): Howard Hinnant's date library for
# Europe/London, and simdjson for gov.uk bank-holiday files. Debian builds
# date-tz with USE_OS_TZDB=1 (an interface definition of date::date-tz):
# zones are read from the system's tzdata in /usr/share/zoneinfo, and the
# library has no code to download a database (HAS_REMOTE_API is 0).
find_package(date REQUIRED)
find_package(simdjson REQUIRED)
