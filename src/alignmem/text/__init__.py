"""Facts about text shared by every stage: scripts (what a Chinese character is), white space, Chinese
words (jieba), Russian lemmas (pymorphy3), English base forms. The heavy tools load on first use."""
