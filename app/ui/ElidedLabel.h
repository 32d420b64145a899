#pragma once
//! A one-line label that gives up width before anything beside it does: its minimum is a few
//! characters, not its whole text, and what does not fit ends in "…" with the whole text as
//! its tooltip. For a header's name and topic beside fixed controls.

#include <QLabel>

namespace kith::app {

class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);
    void setFullText(const QString &text);
    QString fullText() const { return m_full; }
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void elide();

    QString m_full;
};

} // namespace kith::app
