#include "Plugins.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#ifndef KITH_PLUGIN_DIR // set by app/platform/CMakeLists.txt from the install layout
#define KITH_PLUGIN_DIR "../lib/kith"
#endif

namespace kith::app::plugins {

QStringList searchDirs(const QStringList &extraDirs)
{
    const QString app = QCoreApplication::applicationDirPath();
    QStringList dirs = extraDirs;
    // Test programs live elsewhere in the build tree than the app and its plugins.
    if (const QString env = qEnvironmentVariable("KITH_PLUGIN_DIR"); !env.isEmpty())
        dirs.append(env);
    dirs += QStringList{app, QDir::cleanPath(app + QStringLiteral("/" KITH_PLUGIN_DIR))};
    dirs.removeDuplicates();
    return dirs;
}

namespace {
//! The module's file in `dir`, by the name CMake gives a module on this platform
//! (libkith_sound.so, kith_sound.dll). One stat, where listing the folder cost milliseconds
//! once the app's own folder was /usr/bin, with over a thousand entries to match.
QStringList candidates(const QDir &dir, const QString &baseName)
{
    const QString path = dir.filePath(QStringLiteral(KITH_MODULE_PREFIX) + baseName + QStringLiteral(KITH_MODULE_SUFFIX));
    return QFileInfo::exists(path) ? QStringList{path} : QStringList{};
}
} // namespace

QString find(const QString &baseName, const QStringList &extraDirs)
{
    for (const QString &dir : searchDirs(extraDirs)) {
        if (const QStringList files = candidates(QDir(dir), baseName); !files.isEmpty())
            return files.first();
    }
    return {};
}

QObject *load(const QString &baseName, const std::function<bool(QObject *)> &fits,
              std::unique_ptr<QPluginLoader> *loader, QString *error, const QStringList &extraDirs)
{
    const QStringList dirs = searchDirs(extraDirs);
    for (const QString &dir : dirs) {
        for (const QString &file : candidates(QDir(dir), baseName)) {
            auto candidate = std::make_unique<QPluginLoader>(file);
            if (QObject *o = candidate->instance(); o && fits(o)) {
                *loader = std::move(candidate);
                return o;
            }
            *error = candidate->errorString();
        }
    }
    if (error->isEmpty())
        *error = QStringLiteral("no %1 plugin in %2").arg(baseName, dirs.join(QStringLiteral(", ")));
    return nullptr;
}

} // namespace kith::app::plugins
