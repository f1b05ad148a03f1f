# Cross-compiling the Qt-free targets (tessera-node above all) for 64-bit ARM boards (Raspberry Pi 3/4/5,
# Jetson) with Debian's cross compiler and arm64 multiarch libraries, both installed by ./setup.sh:
#   cmake --preset aarch64 && cmake --build --preset aarch64
#   qemu-aarch64-static build/aarch64/bin/tessera-node --self-test
# Code targets armv8-a, the baseline of every 64-bit Pi (NEON is part of it); TESSERA_NATIVE is off.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
set(CMAKE_C_FLAGS_INIT "-march=armv8-a")
set(CMAKE_CXX_FLAGS_INIT "-march=armv8-a")
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64-static)

# Libraries come from the arm64 multiarch directories under "/" (/usr/lib/aarch64-linux-gnu); ONNX, whose
# arm64 package cannot be installed beside the amd64 one, from the prefix setup.sh unpacks it into, searched
# first. Programs (protoc) are the build machine's.
set(TESSERA_ARM64_PREFIX /opt/tessera/arm64 CACHE PATH "Prefix holding ONNX's unpacked arm64 packages")
set(CMAKE_FIND_ROOT_PATH ${TESSERA_ARM64_PREFIX} /)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
