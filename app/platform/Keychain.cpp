#include "Keychain.h"

#include <QLoggingCategory>
#include <QPointer>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcKeychain, "kith.app.keychain")

namespace kith::app {

Keychain::Keychain(const QString &service, QObject *parent) : QObject(parent), m_service(service)
{
    if (qEnvironmentVariableIntValue("KITH_NO_KEYCHAIN"))
        m_available = false;
}

void Keychain::markUnavailable(const QString &reason)
{
    if (!m_available)
        return;
    m_available = false;
    qCWarning(lcKeychain) << "no usable keychain:" << reason;
    emit unavailable(reason);
}

// Jobs have no parent and delete themselves once finished: a job deleted while it runs (with
// its Keychain, when the app closes or a test restarts it) leaves the Secret Service backend
// calling back into freed memory. The connections' context is this, so a job that finishes
// after its Keychain is gone calls nothing of ours.
void Keychain::write(const QString &key, const QString &secret, QObject *context, WriteHandler done)
{
    m_memory.insert(key, secret);
    QPointer<QObject> ctx(context ? context : this);
    if (!m_available) {
        if (done)
            QMetaObject::invokeMethod(ctx, [done] { done(false); }, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // explicit: a plaintext file is never an option
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, job, ctx, done] {
        const bool ok = job->error() == QKeychain::NoError;
        if (!ok)
            markUnavailable(job->errorString());
        if (done && ctx)
            done(ok);
    });
    job->start();
}

void Keychain::read(const QString &key, QObject *context, ReadHandler done)
{
    QPointer<QObject> ctx(context ? context : this);
    if (!m_available) {
        const std::optional<QString> v = m_memory.contains(key) ? std::optional(m_memory.value(key))
                                                                : std::nullopt;
        QMetaObject::invokeMethod(ctx, [done, v] { done(v); }, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, key, ctx, done] {
        std::optional<QString> v;
        if (job->error() == QKeychain::NoError) {
            v = job->textData();
        } else if (job->error() != QKeychain::EntryNotFound) {
            markUnavailable(job->errorString());
            if (m_memory.contains(key))
                v = m_memory.value(key);
        }
        if (ctx)
            done(v);
    });
    job->start();
}

void Keychain::remove(const QString &key)
{
    m_memory.remove(key);
    if (!m_available)
        return;
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    job->start();
}

} // namespace kith::app
