# Cross-compiling for 64-bit Windows with Debian's mingw-w64, posix threads variant
# (std::thread and std::mutex need it), linked statically: the program needs no DLL
# beyond Windows' own. FRONTLINE_CROSS_PREFIX is where .ci/windows-deps installed the
# dependencies built from Debian's source packages.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(triple x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${triple}-gcc-posix)
set(CMAKE_CXX_COMPILER ${triple}-g++-posix)
set(CMAKE_RC_COMPILER ${triple}-windres)
set(CMAKE_AR ${triple}-gcc-ar-posix CACHE FILEPATH "")
set(CMAKE_RANLIB ${triple}-gcc-ranlib-posix CACHE FILEPATH "")

# Passed on to try_compile projects (the toolchain file is read again there).
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES FRONTLINE_CROSS_PREFIX)
if(NOT FRONTLINE_CROSS_PREFIX AND DEFINED ENV{FRONTLINE_CROSS_PREFIX})
  set(FRONTLINE_CROSS_PREFIX $ENV{FRONTLINE_CROSS_PREFIX})
endif()
set(CMAKE_FIND_ROOT_PATH /usr/${triple} ${FRONTLINE_CROSS_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
if(FRONTLINE_CROSS_PREFIX)
  # pkg-config must see the cross prefix's .pc files only, never the build machine's.
  set(ENV{PKG_CONFIG_LIBDIR} ${FRONTLINE_CROSS_PREFIX}/lib/pkgconfig)
  set(ENV{PKG_CONFIG_PATH} "")
endif()

set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")
set(CMAKE_STRIP ${triple}-strip CACHE FILEPATH "")
