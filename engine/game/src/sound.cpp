#include "sound.hpp"

#include <SDL.h>

#include <algorithm>
#include <cstring>
#include <system_error>

namespace frontline::game {

namespace {

constexpr Cue all_cues[] = {Cue::ring, Cue::patience_low};

/// Loads a WAV and converts it to the device's format; empty on failure (with `error`).
std::vector<uint8_t> load_clip(const std::filesystem::path& file, const SDL_AudioSpec& device, std::string& error) {
    SDL_AudioSpec spec{};
    Uint8* buf = nullptr;
    Uint32 len = 0;
    if (!SDL_LoadWAV(file.string().c_str(), &spec, &buf, &len)) {
        error = file.string() + ": " + SDL_GetError();
        return {};
    }
    SDL_AudioCVT cvt{};
    if (SDL_BuildAudioCVT(&cvt, spec.format, spec.channels, spec.freq, device.format, device.channels, device.freq) < 0) {
        SDL_FreeWAV(buf);
        error = file.string() + ": " + SDL_GetError();
        return {};
    }
    std::vector<uint8_t> out(static_cast<size_t>(len) * static_cast<size_t>(std::max(cvt.len_mult, 1)));
    std::copy(buf, buf + len, out.begin());
    SDL_FreeWAV(buf);
    if (cvt.needed) {
        cvt.buf = out.data();
        cvt.len = static_cast<int>(len);
        if (SDL_ConvertAudio(&cvt) != 0) {
            error = file.string() + ": " + SDL_GetError();
            return {};
        }
        out.resize(static_cast<size_t>(cvt.len_cvt));
    } else {
        out.resize(len);
    }
    return out;
}

}  // namespace

std::filesystem::path find_asset(const std::vector<std::filesystem::path>& dirs, const std::filesystem::path& relative) {
    std::error_code ec;
    for (const auto& d : dirs)
        if (std::filesystem::is_regular_file(d / relative, ec)) return d / relative;
    return {};
}

std::filesystem::path cue_file(Cue cue) {
    switch (cue) {
    case Cue::ring: return std::filesystem::path("sounds") / "ring.wav";
    case Cue::patience_low: return std::filesystem::path("sounds") / "patience-low.wav";
    }
    return {};
}

std::unique_ptr<SoundPlayer> SoundPlayer::open(const std::vector<std::filesystem::path>& asset_dirs,
                                               std::vector<std::string>& warnings) {
    std::vector<std::filesystem::path> files;
    for (Cue c : all_cues) files.push_back(find_asset(asset_dirs, cue_file(c)));
    if (std::all_of(files.begin(), files.end(), [](const auto& f) { return f.empty(); })) {
        warnings.push_back("sounds not found (assets/sounds); the game is silent");
        return nullptr;
    }
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        warnings.push_back(std::string("no sound: ") + SDL_GetError());
        return nullptr;
    }
    SDL_AudioSpec want{};
    want.freq = 44100;
    want.format = AUDIO_S16SYS;
    want.channels = 2;
    want.samples = 2048;
    SDL_AudioSpec have{};
    SDL_AudioDeviceID dev = SDL_OpenAudioDevice(nullptr, 0, &want, &have, SDL_AUDIO_ALLOW_FREQUENCY_CHANGE);
    if (dev == 0) {
        warnings.push_back(std::string("no sound: cannot open the audio device: ") + SDL_GetError());
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return nullptr;
    }
    std::unique_ptr<SoundPlayer> p(new SoundPlayer());
    p->device_ = dev;
    p->format_ = have.format;
    p->freq_ = have.freq;
    p->channels_ = have.channels;
    for (const auto& f : files) {
        std::string error;
        p->clips_.push_back({f.empty() ? std::vector<uint8_t>{} : load_clip(f, have, error)});
        if (!error.empty()) warnings.push_back("sound not loaded: " + error);
    }
    SDL_PauseAudioDevice(dev, 0);
    return p;
}

SoundPlayer::~SoundPlayer() {
    if (device_ != 0) {
        SDL_CloseAudioDevice(device_);
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    }
}

void SoundPlayer::play(Cue cue, int volume_percent) {
    const auto index = static_cast<size_t>(cue);
    if (volume_percent <= 0 || index >= clips_.size() || clips_[index].samples.empty()) return;
    const std::vector<uint8_t>& clip = clips_[index].samples;
    mix_.assign(clip.size(), 0);
    const int volume = std::clamp(volume_percent, 0, 100) * SDL_MIX_MAXVOLUME / 100;
    SDL_MixAudioFormat(mix_.data(), clip.data(), format_, static_cast<Uint32>(clip.size()), volume);
    SDL_ClearQueuedAudio(device_);
    if (SDL_QueueAudio(device_, mix_.data(), static_cast<Uint32>(mix_.size())) == 0) ++played_;
    voice_queued_last_ = false;
}

void SoundPlayer::play_voice(const voice::Clip& clip, int volume_percent) {
    if (volume_percent <= 0 || clip.samples.empty() || clip.rate <= 0) return;
    SDL_AudioCVT cvt{};
    if (SDL_BuildAudioCVT(&cvt, AUDIO_S16SYS, 1, clip.rate, format_, static_cast<Uint8>(channels_), freq_) < 0) return;
    const size_t len = clip.samples.size() * sizeof(int16_t);
    std::vector<uint8_t> converted(len * static_cast<size_t>(std::max(cvt.len_mult, 1)));
    std::memcpy(converted.data(), clip.samples.data(), len);
    if (cvt.needed) {
        cvt.buf = converted.data();
        cvt.len = static_cast<int>(len);
        if (SDL_ConvertAudio(&cvt) != 0) return;
        converted.resize(static_cast<size_t>(cvt.len_cvt));
    } else {
        converted.resize(len);
    }
    voice_mix_.assign(converted.size(), 0);
    const int volume = std::clamp(volume_percent, 0, 100) * SDL_MIX_MAXVOLUME / 100;
    SDL_MixAudioFormat(voice_mix_.data(), converted.data(), format_, static_cast<Uint32>(converted.size()), volume);
    if (voice_queued_last_) SDL_ClearQueuedAudio(device_);  // the trainee answered: the old line stops
    if (SDL_QueueAudio(device_, voice_mix_.data(), static_cast<Uint32>(voice_mix_.size())) == 0) ++voiced_;
    voice_queued_last_ = true;
}

}  // namespace frontline::game
