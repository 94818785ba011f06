"""The demo catalog's data: its shape, the words it is written with, product types and specialties."""

from dataclasses import dataclass

from producers.models import Producer, ProvinceMembership
from products.models import SalesChannel

# Valid, published products per province; Hà Tĩnh as the seed report gave it.
VALID_PRODUCTS = {"ha-tinh": 250, "ha-noi": 300, "nghe-an": 120, "thanh-hoa": 110, "quang-ninh": 100}
DEFAULT_VALID_PRODUCTS = 80
# Exact star counts where the real figures are known: (three, four, five).
FIXED_STARS = {"ha-tinh": (238, 12, 0)}
FOUR_STAR_SHARE = 0.265
FIVE_STAR_SHARE = 0.017
KIND_NAMES = {
    Producer.Kind.ENTERPRISE: "Doanh nghiệp",
    Producer.Kind.COOPERATIVE: "Hợp tác xã",
    Producer.Kind.COOPERATIVE_GROUP: "Tổ hợp tác",
    Producer.Kind.HOUSEHOLD: "Hộ sản xuất kinh doanh",
}
FORMER_CITIES = {"Hà Nội", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}


# Products the seed report's readers search for: pinned to a valid 4★ certificate.
PINNED_FOUR_STAR = {"ha-tinh": ("Kẹo cu đơ", "Nước mắm Cửa Nhượng")}

# fmt: off
BRAND_WORDS = (
    "An", "Phát", "Bảo", "Minh", "Đức", "Gia", "Hải", "Hưng", "Hoàng", "Hồng", "Khang", "Kim", "Lộc",
    "Long", "Nam", "Ngọc", "Nhật", "Phong", "Phúc", "Quang", "Sơn", "Tâm", "Tân", "Thành", "Thịnh",
    "Tiến", "Trường", "Việt", "Vinh", "Xuân", "Đạt", "Thuận", "Hòa",
)
FAMILY_NAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")
WOMEN_NAMES = ("Lan", "Hoa", "Hương", "Mai", "Thảo", "Hằng", "Nga", "Liên", "Hiền", "Yến", "Dung", "Oanh")
MEN_NAMES = ("Hùng", "Dũng", "Minh", "Tuấn", "Sơn", "Hải", "Long", "Nam", "Thắng", "Bình", "Cường", "Quân")
# fmt: on
REVOCATION_REASONS = (
    "Vi phạm quy định về ghi nhãn hàng hóa",
    "Không duy trì điều kiện sản xuất như khi được đánh giá",
    "Chủ thể ngừng sản xuất sản phẩm",
    "Vi phạm quy định về an toàn thực phẩm",
)
CHANNEL_URLS = {
    SalesChannel.Kind.SHOPEE: "https://shopee.vn/{slug}-i.{a}.{b}",
    SalesChannel.Kind.TIKTOK: "https://shop.tiktok.com/vn/pdp/{slug}/{b}",
    SalesChannel.Kind.LAZADA: "https://www.lazada.vn/products/{slug}-i{b}.html",
    SalesChannel.Kind.TIKI: "https://tiki.vn/{slug}-p{b}.html",
    SalesChannel.Kind.POSTMART: "https://postmart.vn/{slug}-{b}",
    SalesChannel.Kind.VOSO: "https://voso.vn/{slug}-{b}",
}
DEMO_USERS = (
    # username, first name, superuser, province slug, role
    ("admin", "Quản trị quốc gia", True, None, None),
    ("hatinh", "Biên tập Hà Tĩnh", False, "ha-tinh", ProvinceMembership.Role.EDITOR),
    ("hatinh-duyet", "Phê duyệt Hà Tĩnh", False, "ha-tinh", ProvinceMembership.Role.APPROVER),
    ("nghean", "Biên tập Nghệ An", False, "nghe-an", ProvinceMembership.Role.EDITOR),
)


@dataclass(frozen=True)
class ProductType:
    """What products of one kind share: set code, specifications, price and wording."""

    category: str
    variants: tuple[str, ...]
    quantities: tuple[str, ...]
    packaging: tuple[str, ...]
    shelf_life: str
    ingredients: str
    storage: str
    price: tuple[int, int]  # thousand VND per unit
    unit: str  # "chai {q}"
    container: str  # first words of a photo's alt text
    trade: str  # what a cooperative of this trade is called
    story: str
    standards: tuple[str, ...] = ()
    weight: int = 3


_DRY = "Nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp"
_COLD = "Bảo quản lạnh từ 0 đến 4 °C"
TYPES: dict[str, ProductType] = {
    "buoi": ProductType(
        category="I.1.a",
        variants=("", "đặc sản", "hữu cơ"),
        quantities=("1 quả 1,2–1,5 kg", "1 kg"),
        packaging=("Túi lưới có tem truy xuất", "Hộp carton 2 quả"),
        shelf_life="20–30 ngày kể từ khi thu hoạch",
        ingredients="Bưởi tươi",
        storage=_DRY,
        price=(35, 70),
        unit="kg",
        container="Quả",
        trade="Trồng bưởi",
        story="Bưởi trồng trên đất phù sa ven sông, múi mọng, vị ngọt thanh và thơm đặc trưng.",
        standards=("vietgap", "geographical-indication", "traceability"),
    ),
    "cam": ProductType(
        category="I.1.a",
        variants=("", "đặc sản", "VietGAP"),
        quantities=("1 kg", "Thùng 5 kg"),
        packaging=("Túi lưới có tem truy xuất", "Thùng carton 5 kg"),
        shelf_life="15–25 ngày kể từ khi thu hoạch",
        ingredients="Quả tươi",
        storage=_DRY,
        price=(30, 60),
        unit="kg",
        container="Giỏ",
        trade="Trồng cây ăn quả",
        story="Vườn trồng trên đồi đất đỏ, quả chín cây mới hái, vỏ mỏng, nhiều nước, vị ngọt đậm.",
        standards=("vietgap", "traceability"),
    ),
    "trai_cay": ProductType(
        category="I.1.a",
        variants=("", "đặc sản", "VietGAP"),
        quantities=("1 kg", "Hộp 2 kg"),
        packaging=("Hộp carton có tem truy xuất", "Túi lưới 1 kg"),
        shelf_life="7–15 ngày ở nhiệt độ thường",
        ingredients="Quả tươi",
        storage=_COLD,
        price=(30, 120),
        unit="kg",
        container="Giỏ",
        trade="Trồng cây ăn quả",
        story="Quả được thu hái đúng độ chín, phân loại kỹ, giữ trọn hương vị của vùng đất.",
        standards=("vietgap", "globalgap", "traceability"),
    ),
    "rau": ProductType(
        category="I.1.a",
        variants=("", "hữu cơ", "VietGAP"),
        quantities=("500 g", "1 kg"),
        packaging=("Túi lưới 1 kg", "Khay bọc màng"),
        shelf_life="5–7 ngày trong ngăn mát",
        ingredients="Rau củ tươi",
        storage=_COLD,
        price=(20, 45),
        unit="kg",
        container="Rổ",
        trade="Rau an toàn",
        story="Rau củ trồng theo quy trình an toàn, không dùng thuốc trừ cỏ, thu hoạch trong ngày.",
        standards=("vietgap", "organic"),
    ),
    "thit": ProductType(
        category="I.1.b",
        variants=("", "thả vườn", "nguyên con"),
        quantities=("1 con 1,5–2 kg", "1 kg"),
        packaging=("Túi hút chân không", "Hộp xốp giữ lạnh"),
        shelf_life="3 ngày trong ngăn mát, 3 tháng ngăn đông",
        ingredients="Thịt tươi đã sơ chế",
        storage=_COLD,
        price=(120, 250),
        unit="kg",
        container="Gói",
        trade="Chăn nuôi",
        story="Vật nuôi thả đồi, ăn ngô, thóc và rau xanh nên thịt săn chắc, da giòn, thơm ngon.",
        standards=("vietgap", "traceability"),
    ),
    "thuy_san": ProductType(
        category="I.1.b",
        variants=("", "tươi sống", "sơ chế"),
        quantities=("1 kg", "500 g"),
        packaging=("Hộp xốp giữ lạnh", "Túi hút chân không"),
        shelf_life="2 ngày tươi sống, 6 tháng cấp đông",
        ingredients="Thủy sản tươi",
        storage=_COLD,
        price=(180, 450),
        unit="kg",
        container="Khay",
        trade="Nuôi trồng thủy sản",
        story="Đánh bắt và nuôi trong vùng nước lợ tự nhiên, thịt chắc, ngọt, giao trong ngày.",
        standards=("vietgap", "traceability"),
    ),
    "gao": ProductType(
        category="I.2.a",
        variants=("", "hữu cơ", "đặc sản"),
        quantities=("2 kg", "5 kg", "10 kg"),
        packaging=("Túi PA hút chân không", "Túi vải 5 kg"),
        shelf_life="12 tháng kể từ ngày đóng gói",
        ingredients="Gạo 100%",
        storage=_DRY,
        price=(25, 60),
        unit="kg",
        container="Túi",
        trade="Nông nghiệp",
        story="Lúa cấy một vụ trên chân ruộng phù sa, xay xát và đóng gói tại chỗ, cơm dẻo, thơm và ngọt.",
        standards=("vietgap", "organic", "collective-trademark"),
    ),
    "mat_ong": ProductType(
        category="I.2.b",
        variants=("", "nguyên chất", "hoa rừng"),
        quantities=("500 ml", "1 lít", "250 g"),
        packaging=("Chai thủy tinh", "Hũ thủy tinh"),
        shelf_life="24 tháng kể từ ngày sản xuất",
        ingredients="Mật ong nguyên chất 100%",
        storage=_DRY,
        price=(150, 400),
        unit="chai {q}",
        container="Chai",
        trade="Nuôi ong",
        story="Đàn ong được nuôi dưới tán rừng tự nhiên; mật được quay, lọc và hạ thủy phần "
        "theo quy trình khép kín.",
        standards=("haccp", "traceability"),
    ),
    "hat": ProductType(
        category="I.2.b",
        variants=("", "rang muối", "sấy giòn"),
        quantities=("250 g", "500 g", "1 kg"),
        packaging=("Hũ nhựa PET", "Túi zip hút ẩm"),
        shelf_life="9 tháng kể từ ngày sản xuất",
        ingredients="Hạt chọn lọc, muối",
        storage=_DRY,
        price=(120, 380),
        unit="kg",
        container="Hũ",
        trade="Nông nghiệp",
        story="Hạt được thu hái khi chín già, phơi, sấy và phân loại thủ công, giữ vị béo bùi tự nhiên.",
        standards=("haccp", "iso-22000"),
    ),
    "banh": ProductType(
        category="I.3.b",
        variants=("", "đặc biệt", "truyền thống", "hộp quà"),
        quantities=("200 g", "300 g", "500 g"),
        packaging=("Túi OPP hàn kín", "Hộp giấy kraft"),
        shelf_life="3–6 tháng kể từ ngày sản xuất",
        ingredients="Gạo, vừng, đường, muối",
        storage=_DRY,
        price=(25, 90),
        unit="gói {q}",
        container="Gói",
        trade="Chế biến nông sản",
        story="Làm thủ công theo công thức gia truyền nhiều đời, nguyên liệu lấy từ đồng ruộng quê nhà.",
        standards=("haccp", "collective-trademark"),
    ),
    "keo": ProductType(
        category="I.3.c",
        variants=("", "gừng", "vừng", "hộp quà"),
        quantities=("200 g", "300 g", "500 g"),
        packaging=("Hộp giấy có túi nilon bên trong", "Túi zip"),
        shelf_life="6 tháng kể từ ngày sản xuất",
        ingredients="Lạc, mật mía, đường, gừng, vừng, bánh đa",
        storage=_DRY,
        price=(30, 80),
        unit="hộp {q}",
        container="Hộp",
        trade="Sản xuất kẹo",
        story="Kẹo nấu thủ công trên bếp củi, mật được thắng vừa tới nên giòn, ngọt mà không gắt.",
        standards=("haccp", "collective-trademark"),
    ),
    "mut_say": ProductType(
        category="I.3.c",
        variants=("", "sấy dẻo", "không đường"),
        quantities=("200 g", "250 g", "500 g"),
        packaging=("Túi zip có van", "Hũ thủy tinh"),
        shelf_life="6–12 tháng kể từ ngày sản xuất",
        ingredients="Nông sản tươi, đường, muối",
        storage=_DRY,
        price=(40, 140),
        unit="gói {q}",
        container="Túi",
        trade="Chế biến nông sản",
        story="Nông sản chọn lúc vừa chín, sơ chế trong ngày và chế biến bằng công nghệ "
        "sấy lạnh giữ màu và vị.",
        standards=("haccp", "iso-22000"),
    ),
    "thit_che_bien": ProductType(
        category="I.3.d",
        variants=("", "loại đặc biệt", "truyền thống"),
        quantities=("200 g", "500 g", "1 kg"),
        packaging=("Túi hút chân không", "Hộp nhựa có tem"),
        shelf_life="3–6 tháng ở ngăn đông",
        ingredients="Nguyên liệu tươi, muối, gia vị",
        storage=_COLD,
        price=(150, 650),
        unit="kg",
        container="Gói",
        trade="Chế biến thủy hải sản",
        story="Nguyên liệu tươi được sơ chế ngay trong ngày, tẩm ướp theo bí quyết của làng nghề "
        "và phơi nắng tự nhiên.",
        standards=("haccp", "iso-22000", "traceability"),
    ),
    "nuoc_mam": ProductType(
        category="I.4.a",
        variants=("", "cốt nhĩ", "40 độ đạm", "truyền thống"),
        quantities=("500 ml", "750 ml", "1 lít"),
        packaging=("Chai thủy tinh", "Chai PET", "Can 2 lít"),
        shelf_life="24 tháng kể từ ngày sản xuất",
        ingredients="Cá cơm, muối biển",
        storage=_DRY,
        price=(60, 180),
        unit="chai {q}",
        container="Chai",
        trade="Chế biến nước mắm",
        story="Cá cơm tươi ủ chượp với muối hạt trong thùng gỗ từ 12 đến 18 tháng, rút nhĩ "
        "hoàn toàn tự nhiên, không chất bảo quản.",
        standards=("haccp", "collective-trademark", "traceability"),
    ),
    "tuong": ProductType(
        category="I.4.a",
        variants=("", "nếp cái", "truyền thống"),
        quantities=("500 ml", "1 lít"),
        packaging=("Chai thủy tinh", "Hũ sành"),
        shelf_life="12 tháng kể từ ngày sản xuất",
        ingredients="Đậu tương, gạo nếp, muối",
        storage=_DRY,
        price=(30, 90),
        unit="chai {q}",
        container="Chai",
        trade="Chế biến nông sản",
        story="Đậu tương rang vàng, xôi nếp ủ mốc rồi phơi nắng trong chum sành nhiều tháng, "
        "màu nâu cánh gián, vị ngọt bùi.",
        standards=("haccp", "collective-trademark"),
        weight=2,
    ),
    "gia_vi": ProductType(
        category="I.4.b",
        variants=("", "xay", "nguyên hạt"),
        quantities=("100 g", "200 g", "500 g"),
        packaging=("Hũ thủy tinh", "Túi zip"),
        shelf_life="12 tháng kể từ ngày sản xuất",
        ingredients="Gia vị tự nhiên",
        storage=_DRY,
        price=(30, 150),
        unit="hũ {q}",
        container="Hũ",
        trade="Sản xuất gia vị",
        story="Gia vị thu hái từ vùng trồng tập trung, phơi sấy và đóng gói tại chỗ, "
        "hương thơm nồng đặc trưng.",
        standards=("vietgap", "haccp", "geographical-indication"),
    ),
    "che": ProductType(
        category="I.5.a",
        variants=("", "búp", "móc câu", "đặc biệt"),
        quantities=("100 g", "200 g", "500 g"),
        packaging=("Túi hút chân không", "Hộp thiếc"),
        shelf_life="12 tháng kể từ ngày sản xuất",
        ingredients="Búp chè tươi",
        storage=_DRY,
        price=(100, 600),
        unit="hộp {q}",
        container="Hộp",
        trade="Chè",
        story="Búp chè một tôm hai lá được hái tay lúc sáng sớm, sao sấy "
        "bằng chảo gang, nước xanh, hậu ngọt.",
        standards=("vietgap", "organic", "geographical-indication"),
    ),
    "tra_thao_moc": ProductType(
        category="I.5.b",
        variants=("", "túi lọc", "sấy lạnh"),
        quantities=("100 g", "Hộp 20 túi lọc"),
        packaging=("Hộp giấy có túi lọc", "Túi zip"),
        shelf_life="18 tháng kể từ ngày sản xuất",
        ingredients="Thảo mộc sấy khô",
        storage=_DRY,
        price=(60, 250),
        unit="hộp {q}",
        container="Hộp",
        trade="Dược liệu",
        story="Cây trồng dưới tán rừng, thu hái, sấy lạnh và đóng gói theo quy trình khép kín.",
        standards=("organic", "haccp"),
    ),
    "ca_phe": ProductType(
        category="I.6",
        variants=("rang xay", "nguyên hạt", "phin giấy"),
        quantities=("250 g", "500 g", "1 kg"),
        packaging=("Túi van một chiều", "Hộp giấy"),
        shelf_life="12 tháng kể từ ngày rang",
        ingredients="Cà phê Robusta và Arabica",
        storage=_DRY,
        price=(110, 450),
        unit="gói {q}",
        container="Gói",
        trade="Cà phê",
        story="Chỉ hái quả chín đỏ, sơ chế ướt và rang mộc, không tẩm ướp, vị đắng dịu và hậu ngọt.",
        standards=("vietgap", "organic", "geographical-indication"),
    ),
    "ruou": ProductType(
        category="II.1.a",
        variants=("", "29 độ", "ngâm"),
        quantities=("500 ml", "750 ml", "2 lít"),
        packaging=("Chai thủy tinh", "Bình gốm"),
        shelf_life="Không giới hạn khi chưa mở nắp",
        ingredients="Gạo nếp, men lá",
        storage=_DRY,
        price=(70, 250),
        unit="chai {q}",
        container="Chai",
        trade="Sản xuất rượu",
        story="Rượu nấu từ gạo nếp với men lá gia truyền, chưng cất hai lần và hạ thổ trong chum sành.",
        standards=("haccp",),
        weight=2,
    ),
    "vang": ProductType(
        category="II.1.b",
        variants=("", "thượng hạng", "đặc biệt"),
        quantities=("375 ml", "750 ml"),
        packaging=("Chai thủy tinh", "Hộp quà 2 chai"),
        shelf_life="36 tháng kể từ ngày sản xuất",
        ingredients="Quả chín lên men tự nhiên",
        storage=_DRY,
        price=(150, 450),
        unit="chai {q}",
        container="Chai",
        trade="Sản xuất đồ uống",
        story="Quả chín được lên men chậm trong thùng kín và ủ nhiều tháng, vị chua ngọt hài hòa.",
        standards=("haccp", "iso-22000"),
        weight=2,
    ),
    "do_uong": ProductType(
        category="II.2.b",
        variants=("", "nguyên chất", "ít đường"),
        quantities=("250 ml", "330 ml", "500 ml"),
        packaging=("Chai thủy tinh", "Lon nhôm"),
        shelf_life="12 tháng kể từ ngày sản xuất",
        ingredients="Nước ép nông sản, nước tinh khiết",
        storage=_COLD,
        price=(20, 60),
        unit="chai {q}",
        container="Chai",
        trade="Sản xuất đồ uống",
        story="Nước ép lấy từ nông sản tươi của vùng, thanh trùng nhanh để giữ vị tự nhiên.",
        standards=("haccp", "iso-22000"),
        weight=2,
    ),
    "duoc_lieu": ProductType(
        category="III.1",
        variants=("", "cao đặc", "viên hoàn"),
        quantities=("100 g", "Lọ 60 viên", "250 ml"),
        packaging=("Lọ thủy tinh", "Hộp giấy có tem chống giả"),
        shelf_life="24 tháng kể từ ngày sản xuất",
        ingredients="Dược liệu trồng theo hướng hữu cơ",
        storage=_DRY,
        price=(150, 900),
        unit="hộp {q}",
        container="Hộp",
        trade="Dược liệu",
        story="Dược liệu trồng dưới tán rừng tự nhiên, chế biến theo bài thuốc được lưu truyền trong vùng.",
        standards=("gmp", "organic"),
        weight=2,
    ),
    "my_pham": ProductType(
        category="III.2",
        variants=("", "thảo dược", "tự nhiên"),
        quantities=("100 g", "250 ml"),
        packaging=("Chai nhựa PET", "Hộp giấy"),
        shelf_life="24 tháng kể từ ngày sản xuất",
        ingredients="Thảo dược, dầu dừa",
        storage=_DRY,
        price=(50, 220),
        unit="chai {q}",
        container="Chai",
        trade="Dược liệu",
        story="Sản phẩm làm từ thảo dược địa phương, không chất tạo bọt tổng hợp, dịu nhẹ với da.",
        standards=("gmp",),
        weight=1,
    ),
    "tinh_dau": ProductType(
        category="III.3",
        variants=("", "nguyên chất", "chưng cất"),
        quantities=("10 ml", "50 ml", "100 ml"),
        packaging=("Lọ thủy tinh tối màu", "Hộp giấy"),
        shelf_life="36 tháng kể từ ngày sản xuất",
        ingredients="Tinh dầu chưng cất 100%",
        storage=_DRY,
        price=(60, 300),
        unit="lọ {q}",
        container="Lọ",
        trade="Dược liệu",
        story="Lá và vỏ được chưng cất bằng hơi nước trong nồi đồng, lọc và lắng tự nhiên.",
        standards=("organic", "iso-9001"),
        weight=2,
    ),
    "thu_cong": ProductType(
        category="IV.1",
        variants=("", "cao cấp", "bộ 3 chiếc"),
        quantities=("1 chiếc", "Bộ 3 chiếc"),
        packaging=("Hộp carton chống sốc", "Túi vải"),
        shelf_life="Không giới hạn",
        ingredients="Nguyên liệu tự nhiên của làng nghề",
        storage=_DRY,
        price=(80, 1500),
        unit="chiếc",
        container="Sản phẩm",
        trade="Thủ công mỹ nghệ",
        story="Làm hoàn toàn bằng tay tại làng nghề truyền thống, mỗi sản phẩm là một tác phẩm riêng.",
        standards=(),
        weight=2,
    ),
    "det": ProductType(
        category="IV.2",
        variants=("", "dệt tay", "nhuộm chàm"),
        quantities=("1 tấm 1,5 m", "1 chiếc"),
        packaging=("Túi vải", "Hộp giấy"),
        shelf_life="Không giới hạn",
        ingredients="Sợi bông, sợi tơ tằm, màu tự nhiên",
        storage=_DRY,
        price=(150, 2500),
        unit="chiếc",
        container="Tấm",
        trade="Dệt may",
        story="Dệt trên khung cửi truyền thống, hoa văn mang câu chuyện của đồng bào trong vùng.",
        standards=(),
        weight=1,
    ),
    "hoa": ProductType(
        category="V.1",
        variants=("", "chậu", "cành"),
        quantities=("1 chậu", "Bó 10 cành"),
        packaging=("Chậu sứ", "Bó giấy kraft"),
        shelf_life="7–15 ngày",
        ingredients="Hoa tươi",
        storage="Nơi thoáng mát, tưới nước hằng ngày",
        price=(120, 1500),
        unit="chậu",
        container="Chậu",
        trade="Hoa cây cảnh",
        story="Hoa được chăm sóc theo quy trình của làng hoa truyền thống, bền màu và thơm lâu.",
        standards=("vietgap",),
        weight=1,
    ),
    "cay_canh": ProductType(
        category="V.2",
        variants=("", "bonsai", "dáng thế"),
        quantities=("1 chậu",),
        packaging=("Chậu gốm",),
        shelf_life="Không giới hạn",
        ingredients="Cây cảnh",
        storage="Nơi có nắng nhẹ, tưới nước hằng ngày",
        price=(300, 5000),
        unit="chậu",
        container="Chậu",
        trade="Hoa cây cảnh",
        story="Cây được nhân giống và tạo dáng bởi nghệ nhân lâu năm của làng cây cảnh.",
        standards=(),
        weight=1,
    ),
    "du_lich": ProductType(
        category="VI.1",
        variants=("", "trải nghiệm", "sinh thái"),
        quantities=("Gói 1 ngày", "Gói 2 ngày 1 đêm"),
        packaging=("Vé điện tử",),
        shelf_life="",
        ingredients="Lưu trú, ăn uống, hướng dẫn viên",
        storage="",
        price=(150, 900),
        unit="khách",
        container="Khung cảnh",
        trade="Dịch vụ du lịch",
        story="Du khách được ở nhà sàn, cùng người dân làm nông, nấu món ăn "
        "truyền thống và khám phá cảnh quan.",
        standards=(),
        weight=1,
    ),
}

# Each province's specialties: "name | type | former province | former district or city".
# The former province and district name the pre-July-2025 address and 3★ issuer.
SPECIALTIES: dict[str, str] = {
    "ha-noi": """Giò chả Ước Lễ|thit_che_bien|Hà Nội|huyện Thanh Oai
        Bánh chưng Tranh Khúc|banh|Hà Nội|huyện Thanh Trì
        Miến dong Minh Hồng|banh|Hà Nội|huyện Ba Vì
        Gạo nếp cái hoa vàng Đông Anh|gao|Hà Nội|huyện Đông Anh
        Bưởi Diễn|buoi|Hà Nội|quận Bắc Từ Liêm
        Tương Cự Đà|tuong|Hà Nội|huyện Thanh Oai
        Gốm Bát Tràng|thu_cong|Hà Nội|huyện Gia Lâm
        Mây tre đan Phú Vinh|thu_cong|Hà Nội|huyện Chương Mỹ
        Lụa Vạn Phúc|det|Hà Nội|quận Hà Đông
        Đào Nhật Tân|hoa|Hà Nội|quận Tây Hồ
        Chè Ba Vì|che|Hà Nội|huyện Ba Vì
        Mật ong Ba Vì|mat_ong|Hà Nội|huyện Ba Vì
        Du lịch làng cổ Đường Lâm|du_lich|Hà Nội|thị xã Sơn Tây""",
    "cao-bang": """Hạt dẻ Trùng Khánh|hat|Cao Bằng|huyện Trùng Khánh
        Miến dong Nguyên Bình|banh|Cao Bằng|huyện Nguyên Bình
        Lạp sườn Cao Bằng|thit_che_bien|Cao Bằng|thành phố Cao Bằng
        Hương nhang Phja Thắp|thu_cong|Cao Bằng|huyện Quảng Hòa
        Rượu men lá Hà Quảng|ruou|Cao Bằng|huyện Hà Quảng
        Vải chàm Nùng An|det|Cao Bằng|huyện Quảng Hòa
        Lê Đông Khê|trai_cay|Cao Bằng|huyện Thạch An""",
    "tuyen-quang": """Cam sành Hàm Yên|cam|Tuyên Quang|huyện Hàm Yên
        Bưởi Xuân Vân|buoi|Tuyên Quang|huyện Yên Sơn
        Chè xanh Mỹ Bằng|che|Tuyên Quang|huyện Yên Sơn
        Chè Shan tuyết Hoàng Su Phì|che|Hà Giang|huyện Hoàng Su Phì
        Mật ong bạc hà Đồng Văn|mat_ong|Hà Giang|huyện Đồng Văn
        Thịt bò khô Quản Bạ|thit_che_bien|Hà Giang|huyện Quản Bạ
        Rượu ngô Thanh Vân|ruou|Hà Giang|huyện Quản Bạ""",
    "dien-bien": """Gạo Điện Biên|gao|Điện Biên|huyện Điện Biên
        Cà phê Mường Ảng|ca_phe|Điện Biên|huyện Mường Ảng
        Chè Shan tuyết Tủa Chùa|che|Điện Biên|huyện Tủa Chùa
        Hạt mắc ca Điện Biên|hat|Điện Biên|huyện Điện Biên
        Thịt trâu gác bếp Điện Biên Đông|thit_che_bien|Điện Biên|huyện Điện Biên Đông
        Thổ cẩm Thái Mường Phăng|det|Điện Biên|thành phố Điện Biên Phủ""",
    "lai-chau": """Chè Tam Đường|che|Lai Châu|huyện Tam Đường
        Gạo tẻ râu Phong Thổ|gao|Lai Châu|huyện Phong Thổ
        Cao sâm Lai Châu|duoc_lieu|Lai Châu|huyện Mường Tè
        Miến dong Tam Đường|banh|Lai Châu|huyện Tam Đường
        Thảo quả Sìn Hồ|gia_vi|Lai Châu|huyện Sìn Hồ""",
    "son-la": """Cà phê Sơn La|ca_phe|Sơn La|thành phố Sơn La
        Cà phê Chiềng Ban|ca_phe|Sơn La|huyện Mai Sơn
        Mận hậu Mộc Châu|trai_cay|Sơn La|huyện Mộc Châu
        Mận sấy dẻo Mộc Châu|mut_say|Sơn La|huyện Mộc Châu
        Chè Mộc Châu|che|Sơn La|huyện Mộc Châu
        Xoài tròn Yên Châu|trai_cay|Sơn La|huyện Yên Châu
        Nhãn sấy Sông Mã|mut_say|Sơn La|huyện Sông Mã
        Thịt trâu gác bếp Thuận Châu|thit_che_bien|Sơn La|huyện Thuận Châu""",
    "lao-cai": """Chè Shan tuyết Suối Giàng|che|Yên Bái|huyện Văn Chấn
        Quế Văn Yên|gia_vi|Yên Bái|huyện Văn Yên
        Tinh dầu quế Văn Yên|tinh_dau|Yên Bái|huyện Văn Yên
        Bưởi Đại Minh|buoi|Yên Bái|huyện Yên Bình
        Gạo nếp Tú Lệ|gao|Yên Bái|huyện Văn Chấn
        Gạo Séng Cù Mường Khương|gao|Lào Cai|huyện Mường Khương
        Rượu ngô Bắc Hà|ruou|Lào Cai|huyện Bắc Hà
        Thảo quả Bát Xát|gia_vi|Lào Cai|huyện Bát Xát
        Lá tắm người Dao đỏ Sa Pa|my_pham|Lào Cai|thị xã Sa Pa""",
    "thai-nguyen": """Chè Tân Cương|che|Thái Nguyên|thành phố Thái Nguyên
        Chè La Bằng|che|Thái Nguyên|huyện Đại Từ
        Chè Trại Cài|che|Thái Nguyên|huyện Đồng Hỷ
        Gạo Bao thai Định Hóa|gao|Thái Nguyên|huyện Định Hóa
        Bánh chưng Bờ Đậu|banh|Thái Nguyên|huyện Phú Lương
        Miến dong Na Rì|banh|Bắc Kạn|huyện Na Rì
        Quýt Quang Thuận|cam|Bắc Kạn|huyện Bạch Thông
        Du lịch cộng đồng Pác Ngòi|du_lich|Bắc Kạn|huyện Ba Bể""",
    "lang-son": """Hồi Văn Quan|gia_vi|Lạng Sơn|huyện Văn Quan
        Tinh dầu hồi Bình Gia|tinh_dau|Lạng Sơn|huyện Bình Gia
        Na Chi Lăng|trai_cay|Lạng Sơn|huyện Chi Lăng
        Quýt vàng Bắc Sơn|cam|Lạng Sơn|huyện Bắc Sơn
        Khâu nhục Lạng Sơn|thit_che_bien|Lạng Sơn|thành phố Lạng Sơn
        Thạch đen Tràng Định|mut_say|Lạng Sơn|huyện Tràng Định""",
    "quang-ninh": """Chả mực Hạ Long|thit_che_bien|Quảng Ninh|thành phố Hạ Long
        Sá sùng khô Vân Đồn|thit_che_bien|Quảng Ninh|huyện Vân Đồn
        Nước mắm Cái Rồng|nuoc_mam|Quảng Ninh|huyện Vân Đồn
        Rượu ba kích Ba Chẽ|ruou|Quảng Ninh|huyện Ba Chẽ
        Trà hoa vàng Ba Chẽ|tra_thao_moc|Quảng Ninh|huyện Ba Chẽ
        Miến dong Bình Liêu|banh|Quảng Ninh|huyện Bình Liêu
        Gà Tiên Yên|thit|Quảng Ninh|huyện Tiên Yên
        Hàu Vân Đồn|thuy_san|Quảng Ninh|huyện Vân Đồn""",
    "bac-ninh": """Vải thiều Lục Ngạn|trai_cay|Bắc Giang|huyện Lục Ngạn
        Mì Chũ|banh|Bắc Giang|huyện Lục Ngạn
        Rượu làng Vân|ruou|Bắc Giang|huyện Việt Yên
        Gà đồi Yên Thế|thit|Bắc Giang|huyện Yên Thế
        Tranh Đông Hồ|thu_cong|Bắc Ninh|huyện Thuận Thành
        Bánh phu thê Đình Bảng|banh|Bắc Ninh|thành phố Từ Sơn
        Đồ gỗ Đồng Kỵ|thu_cong|Bắc Ninh|thành phố Từ Sơn
        Gốm Phù Lãng|thu_cong|Bắc Ninh|huyện Quế Võ""",
    "phu-tho": """Bưởi Đoan Hùng|buoi|Phú Thọ|huyện Đoan Hùng
        Chè xanh Thanh Sơn|che|Phú Thọ|huyện Thanh Sơn
        Thịt chua Thanh Sơn|thit_che_bien|Phú Thọ|huyện Thanh Sơn
        Cam Cao Phong|cam|Hòa Bình|huyện Cao Phong
        Rượu men lá Kim Bôi|ruou|Hòa Bình|huyện Kim Bôi
        Thổ cẩm Mai Châu|det|Hòa Bình|huyện Mai Châu
        Du lịch bản Lác Mai Châu|du_lich|Hòa Bình|huyện Mai Châu
        Su su Tam Đảo|rau|Vĩnh Phúc|huyện Tam Đảo""",
    "hai-phong": """Nước mắm Cát Hải|nuoc_mam|Hải Phòng|huyện Cát Hải
        Bánh đa cua Hải Phòng|banh|Hải Phòng|quận Lê Chân
        Cá thu một nắng Cát Bà|thit_che_bien|Hải Phòng|huyện Cát Hải
        Bánh gai Ninh Giang|banh|Hải Dương|huyện Ninh Giang
        Vải thiều Thanh Hà|trai_cay|Hải Dương|huyện Thanh Hà
        Bánh đậu xanh Hải Dương|mut_say|Hải Dương|thành phố Hải Dương
        Gốm Chu Đậu|thu_cong|Hải Dương|huyện Nam Sách
        Hành tỏi Kinh Môn|gia_vi|Hải Dương|thị xã Kinh Môn""",
    "hung-yen": """Nhãn lồng Hưng Yên|trai_cay|Hưng Yên|thành phố Hưng Yên
        Long nhãn Hưng Yên|mut_say|Hưng Yên|huyện Khoái Châu
        Tương Bần|tuong|Hưng Yên|thị xã Mỹ Hào
        Gà Đông Tảo|thit|Hưng Yên|huyện Khoái Châu
        Mật ong hoa nhãn Khoái Châu|mat_ong|Hưng Yên|huyện Khoái Châu
        Bánh cáy làng Nguyễn|banh|Thái Bình|huyện Đông Hưng
        Chiếu cói Hới|thu_cong|Thái Bình|huyện Hưng Hà
        Nước mắm Diêm Điền|nuoc_mam|Thái Bình|huyện Thái Thụy""",
    "ninh-binh": """Rượu Kim Sơn|ruou|Ninh Bình|huyện Kim Sơn
        Cơm cháy Ninh Bình|banh|Ninh Bình|thành phố Ninh Bình
        Chiếu cói Kim Sơn|thu_cong|Ninh Bình|huyện Kim Sơn
        Du lịch sinh thái Vân Long|du_lich|Ninh Bình|huyện Gia Viễn
        Chuối ngự Đại Hoàng|trai_cay|Hà Nam|huyện Lý Nhân
        Cá kho Nhân Hậu|thit_che_bien|Hà Nam|huyện Lý Nhân
        Kẹo Sìu Châu|keo|Nam Định|thành phố Nam Định
        Nước mắm Hải Hậu|nuoc_mam|Nam Định|huyện Hải Hậu
        Gạo Tám xoan Hải Hậu|gao|Nam Định|huyện Hải Hậu""",
    "thanh-hoa": """Nem chua Thanh Hóa|thit_che_bien|Thanh Hóa|thành phố Thanh Hóa
        Nước mắm Ba Làng|nuoc_mam|Thanh Hóa|thị xã Nghi Sơn
        Mắm tôm Hậu Lộc|nuoc_mam|Thanh Hóa|huyện Hậu Lộc
        Chè lam Phủ Quảng|banh|Thanh Hóa|huyện Vĩnh Lộc
        Bánh gai Tứ Trụ|banh|Thanh Hóa|huyện Thọ Xuân
        Bưởi Luận Văn|buoi|Thanh Hóa|huyện Thọ Xuân
        Chiếu cói Nga Sơn|thu_cong|Thanh Hóa|huyện Nga Sơn
        Rượu cần Bá Thước|ruou|Thanh Hóa|huyện Bá Thước
        Du lịch cộng đồng Pù Luông|du_lich|Thanh Hóa|huyện Bá Thước""",
    "nghe-an": """Cam Vinh|cam|Nghệ An|huyện Quỳ Hợp
        Cam Vinh Nghĩa Đàn|cam|Nghệ An|huyện Nghĩa Đàn
        Nhút Thanh Chương|mut_say|Nghệ An|huyện Thanh Chương
        Chè Thanh Chương|che|Nghệ An|huyện Thanh Chương
        Chè xanh Anh Sơn|che|Nghệ An|huyện Anh Sơn
        Tương Nam Đàn|tuong|Nghệ An|huyện Nam Đàn
        Nước mắm Vạn Phần|nuoc_mam|Nghệ An|huyện Diễn Châu
        Mực khô Cửa Lò|thit_che_bien|Nghệ An|thị xã Cửa Lò
        Thổ cẩm Thái Quế Phong|det|Nghệ An|huyện Quế Phong
        Du lịch cộng đồng Pù Mát|du_lich|Nghệ An|huyện Con Cuông""",
    "ha-tinh": """Kẹo cu đơ|keo|Hà Tĩnh|thành phố Hà Tĩnh
        Nước mắm Cửa Nhượng|nuoc_mam|Hà Tĩnh|huyện Cẩm Xuyên
        Bưởi Phúc Trạch|buoi|Hà Tĩnh|huyện Hương Khê
        Cam Khe Mây|cam|Hà Tĩnh|huyện Vũ Quang
        Cam bù Hương Sơn|cam|Hà Tĩnh|huyện Hương Sơn
        Mực khô Cửa Nhượng|thit_che_bien|Hà Tĩnh|huyện Cẩm Xuyên
        Mực một nắng Thạch Kim|thit_che_bien|Hà Tĩnh|huyện Lộc Hà
        Nước mắm Cửa Sót|nuoc_mam|Hà Tĩnh|huyện Lộc Hà
        Bánh đa vừng|banh|Hà Tĩnh|huyện Thạch Hà
        Nhung hươu Hương Sơn|duoc_lieu|Hà Tĩnh|huyện Hương Sơn
        Chè xanh Hương Sơn|che|Hà Tĩnh|huyện Hương Sơn
        Mật ong Vũ Quang|mat_ong|Hà Tĩnh|huyện Vũ Quang
        Rượu nếp Can Lộc|ruou|Hà Tĩnh|huyện Can Lộc
        Gạo Đức Thọ|gao|Hà Tĩnh|huyện Đức Thọ
        Chổi đót Hương Khê|thu_cong|Hà Tĩnh|huyện Hương Khê
        Homestay biển Thiên Cầm|du_lich|Hà Tĩnh|huyện Cẩm Xuyên""",
    "quang-tri": """Cà phê Khe Sanh|ca_phe|Quảng Trị|huyện Hướng Hóa
        Hồ tiêu Cùa|gia_vi|Quảng Trị|huyện Cam Lộ
        Nước mắm Mỹ Thủy|nuoc_mam|Quảng Trị|huyện Hải Lăng
        Chè vằng Vĩnh Linh|tra_thao_moc|Quảng Trị|huyện Vĩnh Linh
        Khoai deo Quảng Bình|mut_say|Quảng Bình|huyện Quảng Ninh
        Nước mắm Cảnh Dương|nuoc_mam|Quảng Bình|huyện Quảng Trạch""",
    "hue": """Mè xửng Huế|keo|Thừa Thiên Huế|thành phố Huế
        Tôm chua Huế|thit_che_bien|Thừa Thiên Huế|thành phố Huế
        Tinh dầu tràm Phong Điền|tinh_dau|Thừa Thiên Huế|huyện Phong Điền
        Nón lá Phú Vang|thu_cong|Thừa Thiên Huế|huyện Phú Vang
        Trà cung đình Huế|tra_thao_moc|Thừa Thiên Huế|thành phố Huế
        Thanh trà Hương Trà|trai_cay|Thừa Thiên Huế|thị xã Hương Trà
        Nhang trầm Thủy Xuân|thu_cong|Thừa Thiên Huế|thành phố Huế""",
    "da-nang": """Nước mắm Nam Ô|nuoc_mam|Đà Nẵng|quận Liên Chiểu
        Chả bò Đà Nẵng|thit_che_bien|Đà Nẵng|quận Hải Châu
        Đá mỹ nghệ Non Nước|thu_cong|Đà Nẵng|quận Ngũ Hành Sơn
        Sâm Ngọc Linh Nam Trà My|duoc_lieu|Quảng Nam|huyện Nam Trà My
        Quế Trà My|gia_vi|Quảng Nam|huyện Bắc Trà My
        Rượu Hồng Đào|ruou|Quảng Nam|thành phố Hội An
        Gốm Thanh Hà|thu_cong|Quảng Nam|thành phố Hội An
        Mì Quảng Phú Chiêm|banh|Quảng Nam|thị xã Điện Bàn
        Du lịch cộng đồng Cẩm Thanh|du_lich|Quảng Nam|thành phố Hội An""",
    "quang-ngai": """Tỏi Lý Sơn|gia_vi|Quảng Ngãi|huyện Lý Sơn
        Kẹo gương Quảng Ngãi|keo|Quảng Ngãi|thành phố Quảng Ngãi
        Mạch nha Thi Phổ|mat_ong|Quảng Ngãi|huyện Mộ Đức
        Quế Trà Bồng|gia_vi|Quảng Ngãi|huyện Trà Bồng
        Cá bống sông Trà|thit_che_bien|Quảng Ngãi|huyện Sơn Tịnh
        Sâm Ngọc Linh Kon Tum|duoc_lieu|Kon Tum|huyện Tu Mơ Rông
        Cà phê Đăk Hà|ca_phe|Kon Tum|huyện Đăk Hà""",
    "gia-lai": """Hồ tiêu Chư Sê|gia_vi|Gia Lai|huyện Chư Sê
        Cà phê Chư Păh|ca_phe|Gia Lai|huyện Chư Păh
        Bò một nắng Krông Pa|thit_che_bien|Gia Lai|huyện Krông Pa
        Nước mắm Gò Bồi|nuoc_mam|Bình Định|huyện Tuy Phước
        Bánh tráng nước dừa Tam Quan|banh|Bình Định|thị xã Hoài Nhơn
        Rượu Bàu Đá|ruou|Bình Định|thị xã An Nhơn
        Nem chợ Huyện|thit_che_bien|Bình Định|huyện Tuy Phước
        Chả cá Quy Nhơn|thit_che_bien|Bình Định|thành phố Quy Nhơn""",
    "khanh-hoa": """Yến sào Nha Trang|thit_che_bien|Khánh Hòa|thành phố Nha Trang
        Xoài Cam Lâm|trai_cay|Khánh Hòa|huyện Cam Lâm
        Sầu riêng Khánh Sơn|trai_cay|Khánh Hòa|huyện Khánh Sơn
        Nước mắm Cà Ná|nuoc_mam|Ninh Thuận|huyện Thuận Nam
        Nho Ninh Thuận|trai_cay|Ninh Thuận|huyện Ninh Phước
        Vang nho Phan Rang|vang|Ninh Thuận|thành phố Phan Rang - Tháp Chàm
        Tỏi Phan Rang|gia_vi|Ninh Thuận|huyện Ninh Hải
        Gốm Bàu Trúc|thu_cong|Ninh Thuận|huyện Ninh Phước""",
    "dak-lak": """Cà phê Buôn Ma Thuột|ca_phe|Đắk Lắk|thành phố Buôn Ma Thuột
        Cà phê Cư M'gar|ca_phe|Đắk Lắk|huyện Cư M'gar
        Ca cao Krông Ana|ca_phe|Đắk Lắk|huyện Krông Ana
        Sầu riêng Krông Pắc|trai_cay|Đắk Lắk|huyện Krông Pắc
        Mắc ca Krông Năng|hat|Đắk Lắk|huyện Krông Năng
        Rượu cần Buôn Đôn|vang|Đắk Lắk|huyện Buôn Đôn
        Cá ngừ một nắng Sông Cầu|thit_che_bien|Phú Yên|thị xã Sông Cầu
        Bánh tráng Hòa Đa|banh|Phú Yên|huyện Tuy An""",
    "lam-dong": """Trà Bảo Lộc|che|Lâm Đồng|thành phố Bảo Lộc
        Cà phê Cầu Đất|ca_phe|Lâm Đồng|thành phố Đà Lạt
        Trà atiso Đà Lạt|tra_thao_moc|Lâm Đồng|thành phố Đà Lạt
        Mứt dâu Đà Lạt|mut_say|Lâm Đồng|thành phố Đà Lạt
        Hoa cúc Vạn Thành|hoa|Lâm Đồng|thành phố Đà Lạt
        Vang Đà Lạt|vang|Lâm Đồng|thành phố Đà Lạt
        Lụa tơ tằm Bảo Lộc|det|Lâm Đồng|thành phố Bảo Lộc
        Nước mắm Phan Thiết|nuoc_mam|Bình Thuận|thành phố Phan Thiết
        Thanh long Hàm Thuận Nam|trai_cay|Bình Thuận|huyện Hàm Thuận Nam
        Hồ tiêu Đắk Song|gia_vi|Đắk Nông|huyện Đắk Song
        Mắc ca Tuy Đức|hat|Đắk Nông|huyện Tuy Đức""",
    "dong-nai": """Bưởi Tân Triều|buoi|Đồng Nai|huyện Vĩnh Cửu
        Sầu riêng Long Khánh|trai_cay|Đồng Nai|thành phố Long Khánh
        Gốm Biên Hòa|thu_cong|Đồng Nai|thành phố Biên Hòa
        Hạt điều Bình Phước|hat|Bình Phước|huyện Bù Đăng
        Hồ tiêu Lộc Ninh|gia_vi|Bình Phước|huyện Lộc Ninh
        Cà phê Bù Đăng|ca_phe|Bình Phước|huyện Bù Đăng""",
    "ho-chi-minh": """Bánh tráng phơi sương Củ Chi|banh|Hồ Chí Minh|huyện Củ Chi
        Rau an toàn Củ Chi|rau|Hồ Chí Minh|huyện Củ Chi
        Muối Cần Giờ|gia_vi|Hồ Chí Minh|huyện Cần Giờ
        Khô cá dứa Cần Giờ|thit_che_bien|Hồ Chí Minh|huyện Cần Giờ
        Sơn mài Tương Bình Hiệp|thu_cong|Bình Dương|thành phố Thủ Dầu Một
        Gốm Lái Thiêu|thu_cong|Bình Dương|thành phố Thuận An
        Nước mắm Phước Hải|nuoc_mam|Bà Rịa - Vũng Tàu|huyện Đất Đỏ
        Hạt tiêu Châu Đức|gia_vi|Bà Rịa - Vũng Tàu|huyện Châu Đức""",
    "tay-ninh": """Bánh tráng phơi sương Trảng Bàng|banh|Tây Ninh|thị xã Trảng Bàng
        Muối tôm Tây Ninh|gia_vi|Tây Ninh|thành phố Tây Ninh
        Mãng cầu Bà Đen|trai_cay|Tây Ninh|thành phố Tây Ninh
        Gạo Nàng thơm Chợ Đào|gao|Long An|huyện Cần Đước
        Thanh long Châu Thành|trai_cay|Long An|huyện Châu Thành
        Lạp xưởng Cần Đước|thit_che_bien|Long An|huyện Cần Đước""",
    "dong-thap": """Xoài cát Hòa Lộc|trai_cay|Tiền Giang|huyện Cái Bè
        Hủ tiếu Mỹ Tho|banh|Tiền Giang|thành phố Mỹ Tho
        Vú sữa Lò Rèn Vĩnh Kim|trai_cay|Tiền Giang|huyện Châu Thành
        Nem Lai Vung|thit_che_bien|Đồng Tháp|huyện Lai Vung
        Quýt hồng Lai Vung|cam|Đồng Tháp|huyện Lai Vung
        Trà tim sen Tháp Mười|tra_thao_moc|Đồng Tháp|huyện Tháp Mười
        Gạo Tháp Mười|gao|Đồng Tháp|huyện Tháp Mười
        Hoa kiểng Sa Đéc|cay_canh|Đồng Tháp|thành phố Sa Đéc""",
    "vinh-long": """Kẹo dừa Bến Tre|keo|Bến Tre|huyện Mỏ Cày Nam
        Bưởi da xanh Bến Tre|buoi|Bến Tre|huyện Châu Thành
        Bánh phồng Sơn Đốc|banh|Bến Tre|huyện Giồng Trôm
        Cây giống Cái Mơn|cay_canh|Bến Tre|huyện Chợ Lách
        Gốm đỏ Vĩnh Long|thu_cong|Vĩnh Long|huyện Long Hồ
        Cam sành Tam Bình|cam|Vĩnh Long|huyện Tam Bình
        Khoai lang Bình Tân|rau|Vĩnh Long|huyện Bình Tân
        Dừa sáp Cầu Kè|trai_cay|Trà Vinh|huyện Cầu Kè
        Mật hoa dừa Trà Vinh|mat_ong|Trà Vinh|huyện Càng Long""",
    "an-giang": """Nước mắm Phú Quốc|nuoc_mam|Kiên Giang|thành phố Phú Quốc
        Tiêu Phú Quốc|gia_vi|Kiên Giang|thành phố Phú Quốc
        Rượu sim Phú Quốc|vang|Kiên Giang|thành phố Phú Quốc
        Cá khô Hà Tiên|thit_che_bien|Kiên Giang|thành phố Hà Tiên
        Đường thốt nốt Tri Tôn|mat_ong|An Giang|huyện Tri Tôn
        Mắm Châu Đốc|thit_che_bien|An Giang|thành phố Châu Đốc
        Gạo Nàng Nhen Tịnh Biên|gao|An Giang|thị xã Tịnh Biên
        Lụa Tân Châu|det|An Giang|thị xã Tân Châu""",
    "can-tho": """Bánh pía Sóc Trăng|banh|Sóc Trăng|huyện Châu Thành
        Gạo ST25 Sóc Trăng|gao|Sóc Trăng|huyện Mỹ Xuyên
        Lạp xưởng Vũng Thơm|thit_che_bien|Sóc Trăng|huyện Châu Thành
        Khóm Cầu Đúc|trai_cay|Hậu Giang|thành phố Vị Thanh
        Mứt khóm Cầu Đúc|mut_say|Hậu Giang|thành phố Vị Thanh
        Bánh tráng Thuận Hưng|banh|Cần Thơ|quận Thốt Nốt
        Dâu Hạ Châu|trai_cay|Cần Thơ|huyện Phong Điền
        Du lịch sinh thái Mỹ Khánh|du_lich|Cần Thơ|huyện Phong Điền""",
    "ca-mau": """Tôm khô Rạch Gốc|thit_che_bien|Cà Mau|huyện Ngọc Hiển
        Ba khía Rạch Gốc|thit_che_bien|Cà Mau|huyện Ngọc Hiển
        Mật ong U Minh|mat_ong|Cà Mau|huyện U Minh
        Cua Năm Căn|thuy_san|Cà Mau|huyện Năm Căn
        Du lịch sinh thái Đất Mũi|du_lich|Cà Mau|huyện Ngọc Hiển
        Muối Đông Hải|gia_vi|Bạc Liêu|huyện Đông Hải
        Nhãn Bạc Liêu|trai_cay|Bạc Liêu|thành phố Bạc Liêu""",
}
