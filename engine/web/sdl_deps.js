// JavaScript that SDL2's Emscripten audio and video code calls (Emscripten's own SDL2
// port pulls these in; an SDL2 built from source must ask for them). main() calls
// frontline_sdl_deps() once, which makes the linker keep its dependencies.
mergeInto(LibraryManager.library, {
  frontline_sdl_deps__deps: ['$autoResumeAudioContext', '$dynCall'],
  frontline_sdl_deps: function () {},
});
