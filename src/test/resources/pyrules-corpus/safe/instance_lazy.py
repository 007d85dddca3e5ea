"""Lazy attributes on instances."""


class Document:
    def __init__(self, text):
        self.text = text
        self._words = None
        self._index = {}

    def words(self):
        if self._words is None:
            self._words = self.text.split()
        return self._words

    def position(self, word):
        if word not in self._index:
            self._index[word] = self.text.find(word)
        return self._index[word]
