#pragma once
//! Finds and loads the sound plugin on first use: beside the executable (build tree, Windows),
//! in the install folder compiled in (lib/<multiarch>/kith on Debian, ../PlugIns/kith in the macOS
//! bundle), or in dirs given.

#include <QPluginLoader>
#include <QStringList>
#include <memory>

namespace kith::app {

class SoundBackend;

class SoundPlayer
{
public:
    explicit SoundPlayer(QStringList extraDirs = {});
    ~SoundPlayer();

    //! Plays the notification sound; false (with error()) when no plugin could be loaded.
    bool playNotification(qreal volume = 0.6);
    //! The loaded backend, loading it if needed; null when there is none.
    SoundBackend *backend();
    QString error() const { return m_error; }
    //! The plugin file loaded, once backend() found one.
    QString pluginFile() const { return m_loader ? m_loader->fileName() : QString(); }
    //! Where it looks, in order.
    QStringList searchDirs() const;

private:
    QStringList m_extraDirs;
    std::unique_ptr<QPluginLoader> m_loader;
    SoundBackend *m_backend = nullptr;
    bool m_tried = false;
    QString m_error;
};

} // namespace kith::app
