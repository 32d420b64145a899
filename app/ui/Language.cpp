#include "Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace kith::app::language {

namespace {
QList<QPointer<QTranslator>> &installed()
{
    static QList<QPointer<QTranslator>> list;
    return list;
}
} // namespace

void apply(const QString &language)
{
    auto *app = QCoreApplication::instance();
    for (const QPointer<QTranslator> &t : std::as_const(installed())) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    installed().clear();
    const QLocale locale = language.isEmpty() || language == u"system" ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *kith = new QTranslator(app);
    if (kith->load(locale, QStringLiteral("kith"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(kith);
    installed() = {qt, kith};
}

} // namespace kith::app::language
