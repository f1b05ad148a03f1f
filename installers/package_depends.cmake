# Read by cpack for each generator (CPACK_PROJECT_CONFIG_FILE). For the DEB: the Depends line from
# dpkg-shlibdeps run on this machine's binaries only. CPack's own shlibdeps step would also read the
# cross-built tessera-node and the aarch64 libraries bundled with it, and turn their needs into amd64
# dependencies (a libc6 pinned to this exact version among them).
if(CPACK_GENERATOR STREQUAL "DEB")
    set(work "${CPACK_TOPLEVEL_DIRECTORY}/shlibdeps")
    file(MAKE_DIRECTORY "${work}/debian")
    file(WRITE "${work}/debian/control" "Source: tessera\n\nPackage: tessera\nArchitecture: amd64\n")
    execute_process(COMMAND dpkg-shlibdeps -O ${CPACK_TESSERA_HOST_BINARIES}
                    WORKING_DIRECTORY "${work}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "dpkg-shlibdeps failed on ${CPACK_TESSERA_HOST_BINARIES}:\n${err}")
    endif()
    string(REGEX REPLACE "^.*shlibs:Depends=" "" depends "${out}")
    string(STRIP "${depends}" depends)
    # what no binary names but the studio needs: Qt's platform plugins (xcb, offscreen, wayland)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, ${depends}")
endif()
