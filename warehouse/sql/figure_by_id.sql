SELECT article_key, start_offset, end_offset, number_text FROM figures WHERE figure_id = $figure_id;
