#pragma once
//! What the sound plugin offers. The plugin (kith_sound, over QSoundEffect) is loaded on the
//! first notification sound, so starting the app never loads the multimedia libraries.

#include <QtPlugin>

namespace kith::app {

class SoundBackend
{
public:
    virtual ~SoundBackend() = default;
    //! Plays the notification sound; the first call loads it and plays once it is decoded.
    virtual void playNotification(qreal volume) = 0;
    //! True once the sound is decoded and ready to play.
    virtual bool isReady() const = 0;
};

} // namespace kith::app

#define KithSoundBackend_iid "chat.kith.SoundBackend/1"
Q_DECLARE_INTERFACE(kith::app::SoundBackend, KithSoundBackend_iid)
