# Installs the build into PREFIX and checks the layout a package and a desktop expect.
#   cmake -DBUILD=dir -DPREFIX=dir -DCONFIG=cfg -DGAME=0|1 -P install_layout.cmake
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${PREFIX} --config "${CONFIG}"
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${code}):\n${out}${err}")
endif()

set(expected
  bin/frontline
  share/frontline/scenarios/cold-meal.yaml
  share/frontline/scenarios/three-chats.yaml
  share/frontline/scenarios/i18n/fr/no-exceptions.po
  share/frontline/scenarios/i18n/fr/cold-meal.po
  share/frontline/assets/icons/frontline.png
  share/frontline/assets/i18n/frontline.pot
  share/frontline/assets/i18n/fr.po
  share/frontline/assets/phone/index.html
  share/frontline/assets/phone/phone.css
  share/frontline/assets/phone/phone.js
  share/man/man1/frontline.1.gz
  share/doc/frontline/copyright
  share/doc/frontline/changelog.gz
  share/applications/frontline.desktop
  share/metainfo/frontline.metainfo.xml
  share/icons/hicolor/scalable/apps/frontline.svg)
foreach(size 16 24 32 48 64 128 256 512)
  list(APPEND expected share/icons/hicolor/${size}x${size}/apps/frontline.png)
endforeach()
if(GAME)
  list(APPEND expected share/frontline/assets/sounds/ring.wav share/frontline/assets/sounds/patience-low.wav)
endif()
set(missing "")
foreach(f ${expected})
  if(NOT EXISTS ${PREFIX}/${f})
    string(APPEND missing "  ${f}\n")
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "not installed:\n${missing}")
endif()
# The installed program finds the interface's translations in its own share folder.
execute_process(COMMAND ${PREFIX}/bin/frontline i18n status --interface --lang fr
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 0 OR NOT out MATCHES "share/frontline/assets/i18n/fr.po: [0-9]+ of [0-9]+ interface texts in fr, 0 missing")
  message(FATAL_ERROR "the installed frontline does not find its interface translation:\n${out}${err}")
endif()
# Nothing of the build's own tools or tests belongs in an install.
file(GLOB_RECURSE bins RELATIVE ${PREFIX} ${PREFIX}/bin/*)
if(NOT bins STREQUAL "bin/frontline")
  message(FATAL_ERROR "bin/ should hold frontline alone, holds: ${bins}")
endif()

# The desktop files validate, when the validators are installed (.ci/setup installs them).
find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
if(DESKTOP_FILE_VALIDATE)
  execute_process(COMMAND ${DESKTOP_FILE_VALIDATE} ${PREFIX}/share/applications/frontline.desktop
                  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0 OR out MATCHES "error")
    message(FATAL_ERROR "desktop-file-validate:\n${out}${err}")
  endif()
endif()
find_program(APPSTREAMCLI appstreamcli)
if(APPSTREAMCLI)
  execute_process(COMMAND ${APPSTREAMCLI} validate --no-net ${PREFIX}/share/metainfo/frontline.metainfo.xml
                  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  # The id stays "frontline" (as the desktop file and the package are named) until the
  # project has a domain of its own for a reverse-DNS id: that one warning is expected.
  string(REGEX REPLACE "W: frontline:[0-9]+: cid-desktopapp-is-not-rdns frontline\n" "" rest "${out}")
  if(NOT (code EQUAL 0 OR (code EQUAL 3 AND NOT rest MATCHES "[EW]: ")))
    message(FATAL_ERROR "appstreamcli validate:\n${out}${err}")
  endif()
endif()
message(STATUS "installed into ${PREFIX}: ${out}")
