# What a package ships besides the program and its data: the manual page, the changelog
# and the copyright file, in the places Debian policy wants them.

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
endif()
