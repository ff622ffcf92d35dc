# SdFuzz.cmake: the fuzz targets, listed once for fuzz/CMakeLists.txt (libFuzzer build,
# -DSD_FUZZ=ON with clang) and tests/lint/CMakeLists.txt (corpus replay in every build).
#
# A target <name> is fuzz/fuzz_<name>.c defining LLVMFuzzerTestOneInput, with its seed corpus
# in fuzz/corpus/<name>/ (every input that ever crashed gets added there). It is linked with
# the modules in SD_FUZZ_MODULES_<name>, each with the third-party libraries that module links.
set(SD_FUZZ_TARGETS sqltok snapshot diff split)
set(SD_FUZZ_MODULES_sqltok util)
set(SD_FUZZ_MODULES_snapshot snapshots model util)
set(SD_FUZZ_MODULES_diff snapshots emit parse plan diff model util)
set(SD_FUZZ_MODULES_split parse util)
