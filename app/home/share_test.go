package home_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/triggersim/triggersim/app/home"
	"github.com/triggersim/triggersim/app/share"
)

func TestShareLimit(t *testing.T) {
	tests := []struct {
		err    error
		ru, en string
	}{
		{&share.LimitError{What: "events", Count: 444000, Max: share.MaxEvents},
			"событий в сценарии 444000, а ссылка может нести не больше 1000. Такой сценарий передают файлом: «Скачать .json» у сценария, а получатель выбирает «Импорт из файла».",
			"the scenario has 444000 events, and a link may carry at most 1000. Share such a scenario as a file: “Download .json” on the scenario, and the recipient chooses “Import a file”."},
		{&share.LimitError{What: "size", Count: share.MaxDecoded + 1, Max: share.MaxDecoded},
			"ссылка распаковывается больше чем в 1,0 МБ — это больше, чем может нести ссылка. Такой сценарий передают файлом: «Скачать .json» у сценария, а получатель выбирает «Импорт из файла».",
			"the link unpacks to more than 1.0 MB, more than a link may carry. Share such a scenario as a file: “Download .json” on the scenario, and the recipient chooses “Import a file”."},
		{&share.LimitError{What: "robots", Count: 501, Max: share.MaxRobots, Making: true},
			"роботов в сценарии 501, а ссылка может нести не больше 500.",
			"the scenario has 501 robots, and a link may carry at most 500."},
		{&share.LimitError{What: "link", Count: 40000, Max: share.MaxURLFragment, Making: true},
			"ссылка получилась бы длиной 40000 символов, а ссылка может быть не длиннее 32000.",
			"its link would be 40000 characters long, and a link may have at most 32000."},
	}
	for _, tt := range tests {
		ru, ok := home.ShareLimit("ru", tt.err)
		assert.True(t, ok)
		assert.Equal(t, tt.ru, ru)
		en, _ := home.ShareLimit("en", tt.err)
		assert.Equal(t, tt.en, en)
	}
	_, ok := home.ShareLimit("ru", errors.New("other"))
	assert.False(t, ok)
	_, ok = home.ShareLimit("ru", nil)
	assert.False(t, ok)
}
