cmake_minimum_required(VERSION 3.25)
# cmake -DEXECUTABLE=bin/prog -DOBJDUMP=objdump "-DLIBRARIES=a.so.1|b.so.2" "-DDIRECTORIES=d1|d2"
#       -P BundleRuntimeLibs.cmake
# Copies every shared library EXECUTABLE needs, directly or through another bundled library, beside it,
# except the C/C++ runtime that every Linux system has (glibc's libraries — libc, libm, libresolv, ... —
# which must match the device's libc, libstdc++, libgcc_s, the dynamic loader). The executable must find them through an $ORIGIN rpath. LIBRARIES (files named by their soname)
# are copied first, so that libraries outside the system's library directories resolve through that rpath;
# the others are looked up in the system's directories, then in DIRECTORIES. Fails when one is not found.
string(REPLACE "|" ";" LIBRARIES "${LIBRARIES}")
string(REPLACE "|" ";" DIRECTORIES "${DIRECTORIES}")
get_filename_component(destination "${EXECUTABLE}" DIRECTORY)
# Forget the previous build's copies first: the system's files must be the ones found below.
set(manifest "${EXECUTABLE}.bundled")
if(EXISTS "${manifest}")
    file(STRINGS "${manifest}" previous)
    foreach(name IN LISTS previous)
        file(REMOVE "${destination}/${name}")
    endforeach()
endif()
set(bundled "")
foreach(library IN LISTS LIBRARIES)
    get_filename_component(name "${library}" NAME)
    file(COPY_FILE "${library}" "${destination}/${name}")
    string(APPEND bundled "${name}\n")
endforeach()
set(CMAKE_GET_RUNTIME_DEPENDENCIES_PLATFORM "linux+elf")
set(CMAKE_GET_RUNTIME_DEPENDENCIES_TOOL "objdump")
set(CMAKE_GET_RUNTIME_DEPENDENCIES_COMMAND "${OBJDUMP}")
file(GET_RUNTIME_DEPENDENCIES
    EXECUTABLES "${EXECUTABLE}"
    DIRECTORIES ${DIRECTORIES}
    PRE_EXCLUDE_REGEXES "^(libc|libm|libstdc\\+\\+|libgcc_s|libpthread|libdl|librt|libresolv|ld-linux[^.]*)\\.so"
    RESOLVED_DEPENDENCIES_VAR resolved
    UNRESOLVED_DEPENDENCIES_VAR unresolved)
if(unresolved)
    message(FATAL_ERROR "${EXECUTABLE}: cannot find ${unresolved} to bundle (searched ${DIRECTORIES})")
endif()
foreach(library IN LISTS resolved)
    get_filename_component(name "${library}" NAME)
    get_filename_component(from "${library}" DIRECTORY)
    file(REAL_PATH "${from}" from)
    file(REAL_PATH "${destination}" to)
    if(NOT from STREQUAL to)
        # the file under the name the executable asks for (its soname), not the symlink chain
        file(COPY_FILE "${library}" "${destination}/${name}")
        string(APPEND bundled "${name}\n")
    endif()
endforeach()
file(WRITE "${manifest}" "${bundled}")
