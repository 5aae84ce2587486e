package home

import (
	"errors"
	"strconv"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/share"
)

// ShareLimit words a share link's limit error (share.LimitError) in the
// interface language: which limit and the count against it; a link that
// cannot be opened also says that such a scenario travels as a file (the
// message of a link that cannot be made, home.shareTooLarge, says it
// already). ok is false for any other error.
func ShareLimit(lang string, err error) (text string, ok bool) {
	var le *share.LimitError
	if !errors.As(err, &le) {
		return "", false
	}
	count, limit := strconv.Itoa(le.Count), strconv.Itoa(le.Max)
	side := "open"
	if le.Making {
		side = "make"
	}
	switch le.What {
	case "link":
		text = i18n.F(lang, "share.limit.link."+side, "count", count, "limit", limit)
	case "size":
		text = i18n.F(lang, "share.limit.size."+side, "count", FormatBytes(int64(le.Count), lang), "limit", FormatBytes(int64(le.Max), lang))
	default:
		text = i18n.F(lang, "share.limit."+le.What, "count", count, "limit", limit)
	}
	if le.Making {
		return text, true
	}
	return text + " " + i18n.T(lang, "share.limit.fileHint"), true
}
