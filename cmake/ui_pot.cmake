# The game interface's gettext template, made from the sources by xgettext.
#   cmake -DSOURCE_DIR=... -DXGETTEXT=... -DOUTPUT=file.pot [-DCOMMITTED=assets/i18n/frontline.pot] -P ui_pot.cmake
# Writes OUTPUT; with COMMITTED, fails when that file differs from what the sources give
# (the template is stale: `cmake --build --preset dev --target ui-pot` remakes it).
# Stable output: sorted by msgid, references by file only (no line numbers, so moving
# code does not change the template), no POT-Creation-Date.
file(GLOB_RECURSE sources RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/engine/game/src/*.cpp ${SOURCE_DIR}/engine/game/src/*.hpp)
list(SORT sources)
execute_process(
  COMMAND ${XGETTEXT} --language=C++ --from-code=UTF-8 --keyword= --keyword=tr --keyword=tr_label --keyword=tr_mark
          --keyword=tr_n:1,2 --add-comments=TRANSLATORS: --sort-output --add-location=file --no-wrap
          --package-name=Frontline --msgid-bugs-address= --output=${OUTPUT}.partial ${sources}
  WORKING_DIRECTORY ${SOURCE_DIR}
  RESULT_VARIABLE code
  ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "xgettext failed:\n${err}")
endif()
file(READ ${OUTPUT}.partial pot)
file(REMOVE ${OUTPUT}.partial)
string(REGEX REPLACE "\"POT-Creation-Date: [^\"]*\"\n" "" pot "${pot}")
string(REPLACE "charset=CHARSET" "charset=UTF-8" pot "${pot}")
file(WRITE ${OUTPUT} "${pot}")
if(COMMITTED)
  file(READ ${COMMITTED} committed)
  if(NOT committed STREQUAL pot)
    message(FATAL_ERROR
      "${COMMITTED} is stale: the game's interface strings changed since it was made.\n"
      "Remake it with `cmake --build --preset dev --target ui-pot`, then `frontline i18n merge --interface --lang LL` "
      "for each translation (docs/translating.md). Fresh template: ${OUTPUT}")
  endif()
endif()
