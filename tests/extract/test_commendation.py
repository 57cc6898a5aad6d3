"""Is a page a commendation (issue 11, class 8)? A named or counted recipient in an honouring frame
against the evidence of a page that explains, regulates or calls for honours, on short invented
passages; the scored documents 089-092 in gold/ measure the same on whole pages."""

from extract.commendation import evidence, is_commendation, not_a_commendation


def test_explainers_without_a_telltale_shape_are_weighed_out():
    benefits = "劳动模范退休时可以提高养老金标准，省部级劳动模范每月享受荣誉津贴，困难的可申请补助。"
    assert not_a_commendation("获评劳动模范能享受哪些待遇？", benefits) == "explainer"
    rules = ("Theo Điều 74 Luật Thi đua, khen thưởng, Bằng khen được tặng cho cá nhân đạt tiêu chuẩn sau. "
             "Hồ sơ gồm tờ trình theo thủ tục hành chính; cá nhân được thưởng 1,0 lần mức lương cơ sở.")  # fmt: skip
    assert not is_commendation("Điều kiện được tặng Bằng khen của Chủ tịch UBND tỉnh", rules, True)


def test_a_call_is_a_call_even_when_it_names_past_winners():
    call = ("申报时间为3月1日至3月31日，推荐条件：事迹真实感人。请于截止日期前报送推荐表。"
            "往届评选中，郑秀兰、邝志远等20人获评“青溪好人”。本届将评选15名。")  # fmt: skip
    assert not_a_commendation("第三届“青溪好人”推选活动开始申报", call) == "call"


def test_placeholders_and_examples_are_no_recipients():
    template = (
        "关于授予[荣誉称号]的决定\n姓名:[姓名]\n例如：“决定授予XXX同志‘优秀员工’称号”。以上为基本框架。"
    )
    assert not_a_commendation("表彰决定的格式", template) == "explainer"
    assert evidence("表彰决定的格式", template)["honour"] == 0


def test_named_recipients_outweigh_an_explainers_title():
    text = (
        "“桐溪工匠”是桐溪镇设立的荣誉称号，评选条件包括从事本职工作十年以上。"
        "镇党委、镇政府决定，授予陈家豪、许美玲、古丽娜等5名同志“桐溪工匠”称号。名单如下：\n陈家豪\n许美玲"
    )
    assert is_commendation("“桐溪工匠”是什么？今年这5人获此称号", text, True)


def test_vietnamese_awards_given_to_named_or_counted_recipients_stay_commendations():
    text = ("Sáng 12/3, UBND huyện đã tổ chức lễ trao Bằng khen cho 23 tập thể và 15 cá nhân; "
            "khen thưởng đột xuất anh Đinh Văn Nam. Hồ sơ đề nghị được hoàn thiện theo quy định.")  # fmt: skip
    assert is_commendation("Huyện khen thưởng tập thể, cá nhân xuất sắc", text, True)
    assert evidence("", text)["honour"] > evidence("", text)["explainer"]


def test_a_visit_to_past_honourees_is_no_commendation_but_keeps_its_event():
    text = "1月18日，县总工会副主席程立文一行看望了省劳动模范邬桂兰，送上慰问金。"
    assert not_a_commendation("县总工会走访慰问劳动模范", text) == "visit"
    assert not is_commendation("县总工会走访慰问劳动模范", text, True)


def test_rules_and_plans_of_a_selection_to_come_are_calls():
    rules = "三、评选名额：评选出10名。四、获评者由市总工会颁发证书和奖牌。"
    assert not_a_commendation("2025年度“青溪工匠”评选办法", rules) == "call"
    plan = ("Hội nghị biểu dương điển hình tiên tiến dự kiến sẽ diễn ra vào ngày 20/6. "
            "Theo kế hoạch, hội nghị sẽ khen thưởng các tập thể, cá nhân tiêu biểu.")  # fmt: skip
    assert not_a_commendation("Họp chuẩn bị tổ chức Hội nghị điển hình tiên tiến", plan) == "call"
