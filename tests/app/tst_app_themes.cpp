// The eight themes, each checked the way WCAG 2.1 computes contrast: every text colour on every
// background it is drawn on reaches AA (4.5:1; 3:1 for faint and status colours, used for
// secondary marks), and the style sheet finds every colour it names in every palette.
#include "ui/Theme.h"

#include <QApplication>
#include <QImage>
#include <QRegularExpression>
#include <QTest>
#include <cmath>

using namespace Qt::StringLiterals;
using kith::app::Theme;

namespace {
double channel(double c)
{
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Pair {
    const char *fg;
    const char *bg;
    double need;
};

// Where each colour is drawn as text (resources/themes/app.qss and the delegates).
const Pair kPairs[] = {
    {"text", "chat", 4.5},        {"text", "sidebar", 4.5},     {"text", "rail", 4.5},
    {"text", "input", 4.5},       {"text", "selected", 4.5},    {"text", "hover", 4.5},
    {"textMuted", "chat", 4.5},   {"textMuted", "sidebar", 4.5}, {"textMuted", "input", 4.5},
    {"accentText", "accent", 4.5}, {"accentText", "danger", 4.5}, {"link", "chat", 4.5},
    {"dangerText", "chat", 4.5},  {"dangerText", "sidebar", 4.5}, {"warningText", "warning", 4.5},
    {"success", "chat", 3.0},     {"textFaint", "sidebar", 3.0}, {"textFaint", "chat", 3.0},
};
} // namespace

class tst_app_themes : public QObject
{
    Q_OBJECT
private slots:
    void eight();
    void contrast_data();
    void contrast();
    void everyColourDefined_data() { contrast_data(); }
    void everyColourDefined();
    void comboAndCheckBoxesInTheThemesColours_data() { contrast_data(); }
    void comboAndCheckBoxesInTheThemesColours();
};

void tst_app_themes::eight()
{
    QStringList palettes = Theme::names();
    palettes.removeAll(u"system"_s);
    QCOMPARE(palettes.size(), 8);
    for (const QString &n : palettes)
        QVERIFY2(!Theme::title(n).isEmpty() && Theme::title(n) != Theme::title(u"system"_s), qPrintable(n));
}

void tst_app_themes::contrast_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &n : Theme::names())
        if (n != u"system")
            QTest::newRow(qPrintable(n)) << n;
}

void tst_app_themes::contrast()
{
    QFETCH(QString, name);
    Theme theme;
    theme.load(name);
    QCOMPARE(theme.name(), name);
    QStringList failures;
    for (const Pair &p : kPairs) {
        const QColor fg = theme.color(QLatin1String(p.fg)), bg = theme.color(QLatin1String(p.bg));
        const double c = ::contrast(fg, bg);
        if (c + 1e-9 < p.need)
            failures << u"%1 on %2: %3:1 (needs %4:1)"_s.arg(QLatin1String(p.fg), QLatin1String(p.bg))
                            .arg(c, 0, 'f', 2).arg(p.need, 0, 'f', 1);
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u"; "_s)));
}

void tst_app_themes::everyColourDefined()
{
    QFETCH(QString, name);
    Theme theme;
    theme.load(name);
    // A colour the style sheet names but the palette lacks comes out magenta.
    QVERIFY2(!theme.styleSheet().contains(u"magenta"_s), qPrintable(name));
    for (const Pair &p : kPairs)
        QVERIFY2(theme.color(QLatin1String(p.fg)) != QColor(0xff, 0x00, 0xff), p.fg);
}

void tst_app_themes::comboAndCheckBoxesInTheThemesColours()
{
    // Combo-box arrows and check marks are drawn in the theme's colours, not the platform's.
    QFETCH(QString, name);
    Theme theme;
    theme.load(name);
    const auto imageFor = [&](const QString &rule) {
        const QRegularExpression re(QRegularExpression::escape(rule) + u"[^}]*image: url\\(([^)]+)\\)"_s);
        const QRegularExpressionMatch m = re.match(theme.styleSheet());
        return m.hasMatch() ? QImage(m.captured(1)) : QImage();
    };
    const auto drawnIn = [](const QImage &image, const QColor &c) {
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                if (const QColor p = image.pixelColor(x, y); p.alpha() == 255 && p.rgb() == c.rgb())
                    return true;
        return false;
    };
    const QImage arrow = imageFor(u"QComboBox::down-arrow"_s);
    QVERIFY2(!arrow.isNull(), qPrintable(name));
    QVERIFY2(drawnIn(arrow, theme.color(u"textMuted"_s)), qPrintable(name));
    const QImage check = imageFor(u"QCheckBox::indicator:checked"_s);
    QVERIFY2(!check.isNull(), qPrintable(name));
    QVERIFY2(drawnIn(check, theme.color(u"accentText"_s)), qPrintable(name));
}

QTEST_MAIN(tst_app_themes)
#include "tst_app_themes.moc"
