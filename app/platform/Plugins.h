#pragma once
//! Finds the app's own plugins (the sound, the charts): beside the executable (build tree,
//! Windows), in the install folder compiled in (lib/<multiarch>/kith on Debian, ../PlugIns/kith
//! in the macOS bundle), or in dirs given (and $KITH_PLUGIN_DIR, for test programs). Each is
//! loaded only when first needed.

#include <QPluginLoader>
#include <QStringList>
#include <memory>

namespace kith::app::plugins {

//! Where plugins are looked for, in order.
QStringList searchDirs(const QStringList &extraDirs = {});

//! The first of those dirs' files named as this platform names the module `baseName`
//! (libNAME.so, NAME.dll); empty if none.
QString find(const QString &baseName, const QStringList &extraDirs = {});

//! Loads the first of those files that offers `T`. Null (with *error) when none does; on
//! success *loader keeps it loaded.
QObject *load(const QString &baseName, const std::function<bool(QObject *)> &fits,
              std::unique_ptr<QPluginLoader> *loader, QString *error, const QStringList &extraDirs = {});

template<typename T>
T *load(const QString &baseName, std::unique_ptr<QPluginLoader> *loader, QString *error,
        const QStringList &extraDirs = {})
{
    return qobject_cast<T *>(load(
        baseName, [](QObject *o) { return qobject_cast<T *>(o) != nullptr; }, loader, error, extraDirs));
}

} // namespace kith::app::plugins
