#pragma once
//! The application's style: Fusion, and the theme's look for the main window's permanent parts
//! (rail, sidebar, chat pane, member list), which are not under the style sheet (see
//! Theme::dress). What app.qss says for those object names and properties is said here, in
//! code: backgrounds and header lines, label fonts and colours, flat tool buttons, thin scroll
//! bars, the search field and the composer. A widget under a style sheet (a dialog, a menu, a
//! page opened later) gets Fusion from here, as it did before.

#include <QPointer>
#include <QProxyStyle>

class QStyleOptionToolButton;

namespace kith::app {

class Theme;

class KithStyle : public QProxyStyle
{
    Q_OBJECT
public:
    explicit KithStyle(const Theme *theme);

    void polish(QWidget *widget) override;
    void unpolish(QWidget *widget) override;
    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
    void drawComplexControl(ComplexControl control, const QStyleOptionComplex *option, QPainter *painter,
                            const QWidget *widget = nullptr) const override;
    QRect subControlRect(ComplexControl control, const QStyleOptionComplex *option, SubControl sub,
                         const QWidget *widget = nullptr) const override;
    int pixelMetric(PixelMetric metric, const QStyleOption *option = nullptr,
                    const QWidget *widget = nullptr) const override;
    QSize sizeFromContents(ContentsType type, const QStyleOption *option, const QSize &size,
                           const QWidget *widget) const override;
    int styleHint(StyleHint hint, const QStyleOption *option = nullptr, const QWidget *widget = nullptr,
                  QStyleHintReturn *returnData = nullptr) const override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    //! Drawn by this style, not under a style sheet (whose own rules come first there).
    bool ours(const QWidget *widget) const;
    void drawToolButton(const QStyleOptionToolButton *option, QPainter *painter, const QWidget *widget) const;

    QPointer<const Theme> m_theme; //!< gone (the app shutting down): plain Fusion
};

} // namespace kith::app
