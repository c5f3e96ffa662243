# What `cmake --install` lays out and the Debian package CPack makes of it. Included from the
# top-level CMakeLists.txt once the statescope target exists.
#   cmake --install BUILD --prefix /usr        binary, .desktop, metainfo, icons, MIME types, translations
#   cpack --config BUILD/CPackConfig.cmake     BUILD/statescope_<version>_amd64.deb
# scripts/package-test.sh validates the metadata and installs the .deb in a clean Debian 12 root.
include(GNUInstallDirs)

set(STATESCOPE_APP_ID io.github.statescope.StateScope)
set(STATESCOPE_HOMEPAGE https://github.com/statescope/statescope)
set(STATESCOPE_PACKAGE_MAINTAINER "The StateScope developers <statescope@users.noreply.github.com>"
    CACHE STRING "Maintainer field of the Debian package")
set(_statescope_packaging ${CMAKE_CURRENT_LIST_DIR})
set(_statescope_metainfo ${_statescope_packaging}/${STATESCOPE_APP_ID}.metainfo.xml)

# Release notes are written by hand: a version without them must not be packaged.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_statescope_metainfo})
file(READ ${_statescope_metainfo} _statescope_metainfo_text)
string(FIND "${_statescope_metainfo_text}" "<release version=\"${PROJECT_VERSION}\"" _statescope_release_at)
if(_statescope_release_at EQUAL -1)
    message(FATAL_ERROR "${_statescope_metainfo} has no <release version=\"${PROJECT_VERSION}\">: "
                        "add the release notes of this version")
endif()

# Installed data files, relative to the prefix; scripts/package-test.sh checks each one in the
# staging directory and in the installed package.
set(_statescope_installed_files ${CMAKE_INSTALL_BINDIR}/statescope)

install(TARGETS statescope RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${_statescope_packaging}/${STATESCOPE_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${_statescope_metainfo} DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${_statescope_packaging}/${STATESCOPE_APP_ID}.mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
        RENAME ${STATESCOPE_APP_ID}.xml)
list(APPEND _statescope_installed_files
     ${CMAKE_INSTALL_DATADIR}/applications/${STATESCOPE_APP_ID}.desktop
     ${CMAKE_INSTALL_DATADIR}/metainfo/${STATESCOPE_APP_ID}.metainfo.xml
     ${CMAKE_INSTALL_DATADIR}/mime/packages/${STATESCOPE_APP_ID}.xml)

# hicolor icons: the SVG and the committed PNG sizes (packaging/icons/render-pngs.sh).
install(DIRECTORY ${_statescope_packaging}/icons/hicolor DESTINATION ${CMAKE_INSTALL_DATADIR}/icons
        FILES_MATCHING PATTERN "*.svg" PATTERN "*.png")
file(GLOB_RECURSE _statescope_icons RELATIVE ${_statescope_packaging}/icons
     ${_statescope_packaging}/icons/hicolor/*.svg ${_statescope_packaging}/icons/hicolor/*.png)
foreach(_icon IN LISTS _statescope_icons)
    list(APPEND _statescope_installed_files ${CMAKE_INSTALL_DATADIR}/icons/${_icon})
endforeach()

# Translations: the .qm files the translations wiring lists in STATESCOPE_QM_FILES, in whichever
# directory scope it sets them. Deferred to the end of the top-level CMakeLists.txt so that
# directories added after this file are seen too.
function(statescope_install_translations)
    set(qm_files ${STATESCOPE_QM_FILES})
    get_property(directories DIRECTORY ${CMAKE_SOURCE_DIR} PROPERTY SUBDIRECTORIES)
    while(directories AND NOT qm_files)
        list(POP_FRONT directories directory)
        get_directory_property(qm_files DIRECTORY ${directory} DEFINITION STATESCOPE_QM_FILES)
        get_property(children DIRECTORY ${directory} PROPERTY SUBDIRECTORIES)
        list(APPEND directories ${children})
    endwhile()
    set(installed ${_statescope_installed_files})
    if(qm_files)
        list(REMOVE_DUPLICATES qm_files)
        install(FILES ${qm_files} DESTINATION ${CMAKE_INSTALL_DATADIR}/statescope/translations)
        foreach(qm IN LISTS qm_files)
            get_filename_component(name ${qm} NAME)
            list(APPEND installed ${CMAKE_INSTALL_DATADIR}/statescope/translations/${name})
        endforeach()
    endif()
    list(JOIN installed "\n" installed)
    file(GENERATE OUTPUT ${CMAKE_BINARY_DIR}/packaging/installed-files.txt CONTENT "${installed}\n")
endfunction()
cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL statescope_install_translations)

# The Debian package. dpkg-shlibdeps derives the library packages from the binary; Depends adds
# what Qt loads at run time without linking it.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME statescope)
set(CPACK_PACKAGE_VENDOR "The StateScope developers")
set(CPACK_PACKAGE_CONTACT ${STATESCOPE_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_HOMEPAGE_URL ${STATESCOPE_HOMEPAGE})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "dashboard for workflow state analytics")
set(CPACK_PACKAGE_DESCRIPTION
    "StateScope reads the state databases that workflow engines write (SQLite
files and PostgreSQL), event logs (JSONL, CSV, XES) and statescope-feed/1 live
feeds, and shows where executions are, how long they stay, how likely each
outcome is, which states are bottlenecks, which paths executions take and
whether they follow the state machine's definition. It checks checkpoints and
replica consistency, and recovers executions to a checkpoint with an audit
trail.

The same analysis runs headless: statescope analyze, watch, simulate and
recover.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # statescope_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${STATESCOPE_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Plugins come with libraries the binary links, so dpkg-shlibdeps lists their packages: the xcb
# and offscreen platform plugins (libqt6gui6), the TLS backends (libqt6network6), the SVG icon
# engine for the window icon (libqt6svg6, linked for SVG export) and Graphviz's layout plugins
# (libgvc6). scripts/package-test.sh checks that Depends names them.
# Native Wayland windows (without it Qt runs through XWayland) and Qt's own strings in German
# and French (app/languagesetup.cpp); a Secret Service for the tokens QtKeychain keeps.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gnome-keyring")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/build[^/]*/") # for `cpack --config CPackSourceConfig.cmake`
include(CPack)
