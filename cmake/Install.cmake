# `cmake --install build` installs the dcmap program, its man page dcmap(1) and its bash
# completion under CMAKE_INSTALL_PREFIX (DESTDIR is honoured):
#   bin/dcmap
#   lib/dcmap/libdcmap-gdal.so                  the GDAL plug-in (CMAKE_INSTALL_LIBDIR/dcmap),
#                                               loaded for vector files and run-time cuts
#   share/man/man1/dcmap.1                      generated from docs/dcmap.md by pandoc
#   share/bash-completion/completions/dcmap     completion/dcmap.bash
#   share/zsh/site-functions/_dcmap             completion/_dcmap
#   lib/libdcmap_*.a, include/dcmap/{app,model}/ and lib/cmake/dcmap/: the library
#                                               (docs/library.md), found by find_package(dcmap)
# Without pandoc the build still works; the man page is left out and configure says so.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS dcmap RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS dcmap_gdal_plugin LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/dcmap)

# bash-completion loads completions/<command> on first use of the command, so the file is named
# after the program, not after the script.
install(FILES ${PROJECT_SOURCE_DIR}/completion/dcmap.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME dcmap)
# zsh's default $fpath includes PREFIX/share/zsh/site-functions for /usr and /usr/local.
install(FILES ${PROJECT_SOURCE_DIR}/completion/_dcmap
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/site-functions)

option(DCMAP_MAN_PAGE "Generate and install the man page dcmap(1) (needs pandoc)" ON)
find_program(PANDOC_EXECUTABLE pandoc)
set(DCMAP_MAN_PAGE_BUILT OFF)
if(DCMAP_MAN_PAGE AND PANDOC_EXECUTABLE AND EXISTS "${PANDOC_EXECUTABLE}")
  set(DCMAP_MAN_PAGE_BUILT ON)
  set(man_page ${PROJECT_BINARY_DIR}/man/dcmap.1)
  # No date in the page (pandoc adds none unless asked), so the same docs give the same bytes.
  add_custom_command(
    OUTPUT ${man_page}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
    COMMAND ${PANDOC_EXECUTABLE} ${PROJECT_SOURCE_DIR}/docs/dcmap.md
            --standalone --to man --shift-heading-level-by=-1
            --lua-filter=${PROJECT_SOURCE_DIR}/cmake/man-page.lua
            --metadata "footer=dcmap ${PROJECT_VERSION}" --metadata "header=User Commands"
            --output ${man_page}
    DEPENDS ${PROJECT_SOURCE_DIR}/docs/dcmap.md ${PROJECT_SOURCE_DIR}/cmake/man-page.lua
    VERBATIM
    COMMENT "Generating the man page dcmap(1) from docs/dcmap.md")
  add_custom_target(dcmap_man ALL DEPENDS ${man_page})
  install(FILES ${man_page} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
elseif(DCMAP_MAN_PAGE)
  message(NOTICE "pandoc not found: the man page dcmap(1) will not be built or installed "
                 "(scripts/setup.sh installs pandoc; -DDCMAP_MAN_PAGE=OFF silences this)")
endif()

# The library: app/ and the stage libraries it links (static, so a program linking dcmap::app
# links them too), its public header and the plain-data model/ headers that header uses.
install(TARGETS dcmap_app dcmap_config dcmap_geocode dcmap_project dcmap_basemap dcmap_layout
                dcmap_render dcmap_ogr dcmap_resources dcmap_io dcmap_model dcmap_warnings
        EXPORT dcmapTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(FILES ${PROJECT_SOURCE_DIR}/src/app/dcmap.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/dcmap/app)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/src/model/
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/dcmap/model FILES_MATCHING PATTERN "*.hpp")
set(dcmap_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/dcmap)
install(EXPORT dcmapTargets NAMESPACE dcmap:: DESTINATION ${dcmap_cmake_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/dcmapConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/dcmapConfig.cmake
                              INSTALL_DESTINATION ${dcmap_cmake_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/dcmapConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/dcmapConfig.cmake ${PROJECT_BINARY_DIR}/dcmapConfigVersion.cmake
        DESTINATION ${dcmap_cmake_dir})
