# frontline_warnings(target): the project's warning set, applied per target so
# third-party headers (CLI11, Catch2, ImGui) are never compiled with -Werror.
function(frontline_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
  if(FRONTLINE_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
