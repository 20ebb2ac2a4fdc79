# Packages from the normal build: a .deb on Linux (`cpack --preset deb`, or the `deb`
# workflow preset), a zip folder on Windows (.ci/windows). Runtime dependencies of the
# .deb come from the shared libraries the binary actually links (dpkg-shlibdeps).

if(NOT WIN32)
  # The manual page and the changelog, compressed as Debian policy wants (gzip -9n:
  # no name or time stamp, so the bytes do not depend on when they were built).
  find_program(FRONTLINE_GZIP gzip REQUIRED)
  set(pkg ${CMAKE_BINARY_DIR}/packaging)
  add_custom_command(OUTPUT ${pkg}/frontline.1.gz ${pkg}/changelog.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${pkg}
    COMMAND ${FRONTLINE_GZIP} -9n -c ${FRONTLINE_SOURCE_DIR}/packaging/frontline.1 > ${pkg}/frontline.1.gz
    COMMAND ${FRONTLINE_GZIP} -9n -c ${FRONTLINE_SOURCE_DIR}/packaging/changelog > ${pkg}/changelog.gz
    DEPENDS ${FRONTLINE_SOURCE_DIR}/packaging/frontline.1 ${FRONTLINE_SOURCE_DIR}/packaging/changelog
    COMMENT "Compressing the manual page and the changelog")
  add_custom_target(frontline_packaging_docs ALL DEPENDS ${pkg}/frontline.1.gz ${pkg}/changelog.gz)
  install(FILES ${pkg}/frontline.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  install(FILES ${pkg}/changelog.gz ${FRONTLINE_SOURCE_DIR}/packaging/copyright
          DESTINATION ${CMAKE_INSTALL_DOCDIR})
  install(FILES ${FRONTLINE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
  install(DIRECTORY ${FRONTLINE_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs
          FILES_MATCHING PATTERN "*.md" PATTERN "*.json" PATTERN "screenshots" EXCLUDE)
else()
  # The Windows folder carries its licences beside the program.
  install(FILES ${FRONTLINE_SOURCE_DIR}/packaging/copyright DESTINATION licences RENAME frontline.txt)
  install(FILES ${FRONTLINE_SOURCE_DIR}/README.md DESTINATION .)
  # The statically linked libraries' licences, collected by .ci/windows-deps, and the
  # MinGW-w64 runtime's (its CRT start-up code and winpthreads are linked in too).
  set(FRONTLINE_CROSS_LICENCES "" CACHE PATH "Licences of the cross-built dependencies")
  if(FRONTLINE_CROSS_LICENCES)
    install(DIRECTORY ${FRONTLINE_CROSS_LICENCES}/ DESTINATION licences)
  endif()
  foreach(doc mingw-w64-common gcc-mingw-w64-base)
    if(EXISTS /usr/share/doc/${doc}/copyright)
      install(FILES /usr/share/doc/${doc}/copyright DESTINATION licences RENAME ${doc}.txt)
    endif()
  endforeach()
endif()

set(CPACK_PACKAGE_NAME frontline)
set(CPACK_PACKAGE_VENDOR "The Frontline authors")
set(CPACK_PACKAGE_CONTACT "Frontline maintainers <maintainers@frontline.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "customer service training game")
set(CPACK_PACKAGE_HOMEPAGE_URL ${FRONTLINE_HOMEPAGE})
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
set(CPACK_VERBATIM_VARIABLES ON)

if(WIN32)
  set(CPACK_GENERATOR ZIP)
  set(CPACK_PACKAGE_FILE_NAME "frontline-${PROJECT_VERSION}-windows-x64")
  set(CPACK_INCLUDE_TOPLEVEL_DIRECTORY ON)
else()
  set(CPACK_GENERATOR DEB)
  set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
  set(CPACK_DEBIAN_PACKAGE_SECTION education)
  set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  # Not a shared library: the font is read at run time, dot is run for `graph --svg`.
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
  set(CPACK_DEBIAN_PACKAGE_SUGGESTS "graphviz")
  set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
  # The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the extended description.
  set(CPACK_DEBIAN_PACKAGE_DESCRIPTION [=[Frontline is a training game for customer service. A trainee takes calls,
desk visits and chats from customers and is scored on the customer's two
needs: what they came for and how they are treated. Each call ends in a
debrief, turn by turn. Facilitators run workshops for teams on a projector;
course authors write scenarios in YAML and check them with the frontline
command.]=])
  # Directories the package creates get 0755 whatever the builder's umask.
  set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
      OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
endif()
include(CPack)
