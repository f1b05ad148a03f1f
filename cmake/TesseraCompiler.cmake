# Compiler set-up shared by every target of ours.

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()

# tessera_target_defaults(<target>): warnings (as errors unless TESSERA_WERROR is off) on our own code.
function(tessera_target_defaults target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
    # GCC 12 reports -Wrestrict inside libstdc++'s std::string operator+ at -O3 (GCC bug 105651): a false
    # positive in the standard library, not in our code.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
        target_compile_options(${target} PRIVATE -Wno-restrict)
    endif()
    if(TESSERA_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# tessera_core_library(<name> SOURCES ... [DEPS ...] [PRIVATE_DEPS ...]): a Qt-free static library of core/.
function(tessera_core_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
    target_link_libraries(${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
    tessera_target_defaults(${name})
endfunction()
