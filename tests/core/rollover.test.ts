import { describe, expect, it } from 'vitest';
import {
  applyRollover,
  findYearMentions,
  formatProposal,
  proposeRollover,
  shiftEdit,
  textPlaces,
  type MentionClass,
  type MentionContext,
} from '../../electron/core/rollover';
import { loadSamplePackage } from '../../electron/core/sample';
import type { PlanPackage } from '../../electron/core/model';

/** The text after rolling every moving year of `text` from `from` to `from + 1`, as the rollover does. */
function rolled(text: string, from: number, ctx: MentionContext = {}): string {
  let out = text;
  for (const m of findYearMentions(text, from, ctx)) {
    const e = shiftEdit(text, m, 1);
    if (e) out = out.slice(0, e.offset) + e.to + out.slice(e.offset + e.from.length);
  }
  return out;
}

type Row = [text: string, from: number, expected: string];
const same = (text: string, from: number): Row => [text, from, text];

describe('rollover rules: every year mention of the 2024 Bình Phước plan (seed 001), rolled 2024 → 2025', () => {
  // Copied from ke-hoach-cchc-2024-binh-phuoc.md, one row per paragraph or table cell that names a year.
  const rows: Row[] = [
    // The place-date line of the Decision: the signing season, the December before the plan year. In the package
    // this is `decision.date`, which the rollover clears; as free text it moves with the plan.
    ['Bình Phước, ngày 09 tháng 12 năm 2023', 2024, 'Bình Phước, ngày 09 tháng 12 năm 2024'],
    [
      'Ban hành Kế hoạch cải cách hành chính Nhà nước năm 2024\ntrên địa bàn tỉnh Bình Phước',
      2024,
      'Ban hành Kế hoạch cải cách hành chính Nhà nước năm 2025\ntrên địa bàn tỉnh Bình Phước',
    ],
    // Legal bases: laws cited with their date, resolutions, directives and decisions with number and date, periods.
    same('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;', 2024),
    same('Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;', 2024),
    same(
      'Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính Nhà nước giai đoạn 2021-2030;',
      2024,
    ),
    same(
      'Căn cứ Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ đẩy mạnh thực hiện Chương trình tổng thể cải cách hành chính Nhà nước giai đoạn 2021-2030;',
      2024,
    ),
    same(
      'Căn cứ Quyết định số 34/2020/QĐ-UBND ngày 29/12/2020 của Ủy ban nhân dân tỉnh Quy định trách nhiệm đối với người đứng đầu cơ quan, đơn vị, địa phương trong thực hiện nhiệm vụ cải cách hành chính trên địa bàn tỉnh;',
      2024,
    ),
    same(
      'Căn cứ Quyết định số 25/2022/QĐ-UBND ngày 28/11/2022 sửa đổi, bổ sung một số Điều của Quy định trách nhiệm của người đứng đầu cơ quan, đơn vị, địa phương trong thực hiện nhiệm vụ cải cách hành chính trên địa bàn tỉnh Bình Phước ban hành kèm theo Quyết định số 34/2020/QĐ-UBND ngày 29/12/2020 của Ủy ban nhân dân tỉnh;',
      2024,
    ),
    same(
      'Căn cứ Quyết định 2685/QĐ-UBND ngày 18/10/2021 của Ủy ban nhân dân tỉnh ban hành Kế hoạch cải cách hành chính Nhà nước giai đoạn 2021-2025 trên địa bàn tỉnh;',
      2024,
    ),
    // The proposal line cites last year's Tờ trình (a December date of the year before): never changed.
    same('Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 2696/TTr-SNV ngày 26/12/2023.', 2024),
    [
      'Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính Nhà nước năm 2024 trên địa bàn tỉnh Bình Phước.',
      2024,
      'Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính Nhà nước năm 2025 trên địa bàn tỉnh Bình Phước.',
    ],
    ['Cải cách hành chính Nhà nước năm 2024 trên địa bàn tỉnh Bình Phước', 2024, 'Cải cách hành chính Nhà nước năm 2025 trên địa bàn tỉnh Bình Phước'],
    same('(Ban hành kèm theo Quyết định số 2142/QĐ-UBND ngày 29/12/2023 của Ủy ban nhân dân tỉnh)', 2024),
    same(
      'Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính Nhà nước giai đoạn 2021 - 2030; Quyết định 2685/QĐ-UBND ngày 18/10/2021 của Ủy ban nhân dân tỉnh ban hành Kế hoạch cải cách hành chính Nhà nước giai đoạn 2021 - 2025 trên địa bàn tỉnh.',
      2024,
    ),
    [
      'Chủ tịch Ủy ban nhân dân (UBND) tỉnh ban hành Kế hoạch cải cách hành chính Nhà nước năm 2024 trên địa bàn tỉnh, như sau:',
      2024,
      'Chủ tịch Ủy ban nhân dân (UBND) tỉnh ban hành Kế hoạch cải cách hành chính Nhà nước năm 2025 trên địa bàn tỉnh, như sau:',
    ],
    same(
      'Tiếp tục triển khai có hiệu quả, đồng bộ Chương trình tổng thể cải cách hành chính Nhà nước giai đoạn 2021 - 2030 của Chính phủ, Kế hoạch cải cách hành chính Nhà nước giai đoạn 2021 - 2025 trên địa bàn tỉnh.',
      2024,
    ),
    ['II. MỘT SỐ CHỈ TIÊU CHỦ YẾU TRONG NĂM 2024', 2024, 'II. MỘT SỐ CHỈ TIÊU CHỦ YẾU TRONG NĂM 2025'],
    // Last year's results move with the plan year: `so với kết quả đánh giá năm 2023` becomes 2024.
    [
      'Chỉ số Chuyển đổi số cấp tỉnh (DTI) năm 2024 tiếp tục cải thiện hơn so với kết quả đánh giá năm 2023.',
      2024,
      'Chỉ số Chuyển đổi số cấp tỉnh (DTI) năm 2025 tiếp tục cải thiện hơn so với kết quả đánh giá năm 2024.',
    ],
    [
      'Từ 80% trở lên các cơ quan, đơn vị, địa phương được cấp có thẩm quyền phê duyệt phương án sắp xếp lại, xử lý nhà đất theo quy định tại Nghị định số 167/2017/NĐ-CP ngày 31/12/2017 của Chính phủ Quy định về việc sắp xếp lại, xử lý các loại tài sản công, Nghị định số 67/2021/NĐ-CP ngày 31/12/2017 của Chính phủ sửa đổi, bổ sung một số điều Nghị định số 167/2017/NĐ-CP ngày 31/12/2017 và các văn bản hướng dẫn thi hành. Số đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên, tự bảo đảm một phần chi thường xuyên tăng so với năm 2023.',
      2024,
      'Từ 80% trở lên các cơ quan, đơn vị, địa phương được cấp có thẩm quyền phê duyệt phương án sắp xếp lại, xử lý nhà đất theo quy định tại Nghị định số 167/2017/NĐ-CP ngày 31/12/2017 của Chính phủ Quy định về việc sắp xếp lại, xử lý các loại tài sản công, Nghị định số 67/2021/NĐ-CP ngày 31/12/2017 của Chính phủ sửa đổi, bổ sung một số điều Nghị định số 167/2017/NĐ-CP ngày 31/12/2017 và các văn bản hướng dẫn thi hành. Số đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên, tự bảo đảm một phần chi thường xuyên tăng so với năm 2024.',
    ],
    [
      'tỷ lệ % đóng góp vào thu ngân sách tỉnh của khu vực doanh nghiệp năm 2024 tăng so với năm 2023. Giá trị thu ngân sách nằm trong nhóm 30 tỉnh, thành phố.',
      2024,
      'tỷ lệ % đóng góp vào thu ngân sách tỉnh của khu vực doanh nghiệp năm 2025 tăng so với năm 2024. Giá trị thu ngân sách nằm trong nhóm 30 tỉnh, thành phố.',
    ],
    same(
      'Tiếp tục thực hiện Chỉ thị số 03/CT-UBND ngày 07/3/2019 của UBND tỉnh về việc chấn chỉnh công tác soạn thảo, ban hành, kiểm tra và xử lý văn bản quy phạm pháp luật trên địa bàn tỉnh, Kế hoạch số 106/KH-UBND ngày 31/3/2023 của UBND tỉnh triển khai thực hiện Chương trình hành động số 36-CTr/TU ngày 01/3/2023 của Tỉnh ủy về thực hiện Nghị quyết số 27-NQ/TW ngày 09/11/2022 của Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục xây dựng và hoàn thiện Nhà nước pháp quyền xã hội chủ nghĩa Việt Nam trong giai đoạn mới.',
      2024,
    ),
    same(
      'a) Tiếp tục thực hiện Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính; Nghị định số 48/2013/NĐ-CP ngày 14/5/2013 của Chính phủ và Nghị định số 92/2017/NĐ-CP ngày 07/8/2017 của Chính phủ về sửa đổi, bổ sung một số điều của các Nghị định liên quan đến kiểm soát TTHC. Triển khai thực hiện có hiệu quả Kế hoạch số 302/KH-UBND ngày 18/10/2022 về kiểm soát TTHC trên địa bàn tỉnh, giai đoạn 2022 - 2025 và Kế hoạch số 316/KH-UBND ngày 25/10/2022 về rà soát, đơn giản hóa TTHC nội bộ trong hệ thống hành chính nhà nước giai đoạn 2022 - 2025 trên địa bàn tỉnh.',
      2024,
    ),
    same(
      'b) Tổ chức triển khai thực hiện có hiệu quả Chỉ thị số 27/CT-TTg ngày 27/10/2023 của Thủ tướng Chính phủ về việc tiếp tục đẩy mạnh các giải pháp cải cách và nâng cao hiệu quả giải quyết thủ tục hành chính và cung cấp dịch vụ công phục vụ người dân, doanh nghiệp. Tiếp tục đẩy mạnh cải cách TTHC theo Chỉ thị số 16-CT/TU ngày 25/6/2022 của Ban Thường vụ Tỉnh ủy.',
      2024,
    ),
    same(
      'g) Tiếp tục thực hiện có hiệu quả việc tiếp nhận hồ sơ và kết quả giải quyết TTHC qua dịch vụ Bưu chính công ích theo Quyết định số 45/2016/QĐ-TTg ngày 19/10/2016 của Thủ tướng Chính phủ.',
      2024,
    ),
    same(
      'danh sách cán bộ, công chức, viên chức, cơ quan, đơn vị để xảy ra chậm trễ theo Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ; căn cứ kết quả đánh giá của Bộ chỉ số để xem xét, đánh giá',
      2024,
    ),
    same(
      'theo quy định tại Nghị định số 107/2020/NĐ-CP, Nghị định số 108/2020/NĐ-CP ngày 14/9/2020, Nghị định số 120/2020/NĐ-CP ngày 07/10/2020 của Chính phủ và các văn bản hướng dẫn của Trung ương và của tỉnh.',
      2024,
    ),
    same(
      'c) Triển khai thực hiện Nghị định số 06/2023/NĐ-CP ngày 21/02/2023 của Chính phủ quy định về kiểm định chất lượng đầu vào công chức (sau khi có văn bản hướng dẫn, triển khai của Bộ Nội vụ).',
      2024,
    ),
    same(
      'd) Tiếp tục thực hiện có hiệu quả chính sách tinh giản biên chế theo quy định của Bộ Chính trị; Nghị định số 29/2023/NĐ-CP ngày 03/6/2023 của Chính phủ quy định về tinh giản biên chế.',
      2024,
    ),
    same(
      'e) Triển khai thực hiện có hiệu quả Đề án thu hút nguồn nhân lực trẻ, chất lượng cao trên địa bàn tỉnh giai đoạn 2023 - 2030 ban hành kèm theo Quyết định số 1502/QĐ-UBND ngày 18/9/2023.',
      2024,
    ),
    same(
      'b) Tiếp tục thực hiện giao quyền tự chủ cho các đơn vị thực hiện theo Nghị định số 130/2005/NĐ-CP ngày 17/10/2005 của Chính phủ về quy định chế độ tự chủ, tự chịu trách nhiệm về sử dụng biên chế và kinh phí quản lý hành chính đối với các cơ quan Nhà nước; Nghị định số 117/2013/NĐ-CP ngày 07/10/2013 của Chính phủ về sửa đổi, bổ sung một số điều của Nghị định số 130/2005/NĐ-CP ngày 17/10/2005 của Chính phủ; Nghị định số 60/2021/NĐ-CP ngày 21/6/2021 của Chính phủ quy định cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập.',
      2024,
    ),
    [
      'd) Bố trí kinh phí thực hiện nhiệm vụ cải cách hành chính năm 2024 và hướng dẫn các cơ quan, đơn vị, địa phương có liên quan',
      2024,
      'd) Bố trí kinh phí thực hiện nhiệm vụ cải cách hành chính năm 2025 và hướng dẫn các cơ quan, đơn vị, địa phương có liên quan',
    ],
    [
      'a) Xây dựng và triển khai có hiệu quả Kế hoạch triển khai công tác chuyển đổi số và thực hiện Đề án phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia năm 2024 trên địa bàn tỉnh.',
      2024,
      'a) Xây dựng và triển khai có hiệu quả Kế hoạch triển khai công tác chuyển đổi số và thực hiện Đề án phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia năm 2025 trên địa bàn tỉnh.',
    ],
    [
      '3. Tổ chức đánh giá, xếp hạng Chỉ số cải cách hành chính năm 2023 của các cơ quan chuyên môn thuộc UBND tỉnh',
      2024,
      '3. Tổ chức đánh giá, xếp hạng Chỉ số cải cách hành chính năm 2024 của các cơ quan chuyên môn thuộc UBND tỉnh',
    ],
    same(
      '5. Tổ chức đánh giá xã, phường, thị trấn đạt chuẩn “Chính quyền thân thiện” theo Quyết định số 1493/QĐ-UBND ngày 14/9/2023 của UBND tỉnh ban hành Bộ tiêu chí và thang điểm xã, phường, thị trấn đạt chuẩn “Chính quyền thân thiện” trên địa bàn tỉnh.',
      2024,
    ),
    same(
      '2. Việc lập dự toán, quản lý, sử dụng và quyết toán kinh phí đảm bảo công tác cải cách hành chính nhà nước theo Thông tư số 26/2019/TT-BTC ngày 10/5/2019 của Bộ Tài chính và Thông tư số 33/2022/TT-BTC ngày 09/6/2022 về sửa đổi, bổ sung một số điều của Thông tư số 26/2019/TT-BTC.',
      2024,
    ),
    // A deadline inside the plan year moves; the period next to it does not.
    [
      'Kế hoạch cải cách hành chính giai đoạn 2021 - 2025 của tỉnh và nội dung Kế hoạch này. Thời gian gửi Kế hoạch về UBND tỉnh (qua Sở Nội vụ) trước ngày 15/01/2024.',
      2024,
      'Kế hoạch cải cách hành chính giai đoạn 2021 - 2025 của tỉnh và nội dung Kế hoạch này. Thời gian gửi Kế hoạch về UBND tỉnh (qua Sở Nội vụ) trước ngày 15/01/2025.',
    ],
    [
      'd) Chủ trì, phối hợp với các cơ quan, đơn vị, địa phương tổ chức đánh giá, xếp hạng Chỉ số cải cách hành chính năm 2023 của các cơ quan chuyên môn thuộc UBND tỉnh',
      2024,
      'd) Chủ trì, phối hợp với các cơ quan, đơn vị, địa phương tổ chức đánh giá, xếp hạng Chỉ số cải cách hành chính năm 2024 của các cơ quan chuyên môn thuộc UBND tỉnh',
    ],
    [
      'h) Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan trên địa bàn tỉnh thực hiện các giải pháp nâng cao Chỉ số cải cách hành chính (Par Index) của tỉnh năm 2024 tại các lĩnh vực: Chỉ đạo điều hành về cải cách hành chính',
      2024,
      'h) Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan trên địa bàn tỉnh thực hiện các giải pháp nâng cao Chỉ số cải cách hành chính (Par Index) của tỉnh năm 2025 tại các lĩnh vực: Chỉ đạo điều hành về cải cách hành chính',
    ],
    [
      'b) Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan trên địa bàn tỉnh thực hiện các giải pháp nâng cao Chỉ số cải cách hành chính (Par Index) của tỉnh năm 2023 tại lĩnh vực cải cách thể chế.',
      2024,
      'b) Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan trên địa bàn tỉnh thực hiện các giải pháp nâng cao Chỉ số cải cách hành chính (Par Index) của tỉnh năm 2024 tại lĩnh vực cải cách thể chế.',
    ],
    [
      'Chỉ số cải cách hành chính (Par Index) của tỉnh năm 2024 tại lĩnh vực cải cách TTHC.',
      2024,
      'Chỉ số cải cách hành chính (Par Index) của tỉnh năm 2025 tại lĩnh vực cải cách TTHC.',
    ],
    [
      'Chỉ số cải cách hành chính (Par Index) của tỉnh năm 2024 tại lĩnh vực cải cách tài chính công.',
      2024,
      'Chỉ số cải cách hành chính (Par Index) của tỉnh năm 2025 tại lĩnh vực cải cách tài chính công.',
    ],
    [
      'Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) và Chỉ số cải cách hành chính (Par Index) của tỉnh năm 2024 tại lĩnh vực tác động của cải cách hành chính',
      2024,
      'Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) và Chỉ số cải cách hành chính (Par Index) của tỉnh năm 2025 tại lĩnh vực tác động của cải cách hành chính',
    ],
    [
      'Chỉ số cải cách hành chính (Par Index) của tỉnh năm 2024 tại lĩnh vực xây dựng và phát triển Chính quyền điện tử, Chính quyền số.',
      2024,
      'Chỉ số cải cách hành chính (Par Index) của tỉnh năm 2025 tại lĩnh vực xây dựng và phát triển Chính quyền điện tử, Chính quyền số.',
    ],
    // The appendix.
    ['CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024', 2024, 'CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025'],
    same('(Ban hành kèm theo Quyết định số 2142/QĐ-UBND ngày 29/12/2023 của UBND tỉnh).', 2024),
    // `Luật … năm 2015` is the law's name.
    same(
      'Tiếp tục triển khai có hiệu quả Luật Ban hành văn bản QPPL năm 2015, Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản QPPL năm 2020, Nghị định số 34/2016/NĐ-CP ngày 14/5/2016 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Ban hành văn bản quy phạm pháp luật, Nghị định số 154/2020/NĐ-CP ngày 31/12/2020 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 34/2016/NĐ-CP ngày 14/5/2016 của Chính phủ',
      2024,
    ),
    same('Triển khai thực hiện Nghị định số 06/2023/NĐ-CP ngày 21/02/2023 của Chính phủ quy định về kiểm định chất lượng đầu vào công chức', 2024),
    same(
      'Tiếp tục thực hiện giao quyền tự chủ cho các đơn vị thực hiện Nghị định số 130/2005/NĐ-CP ngày 17/10/2005 của Chính phủ quy định chế độ tự chủ; Nghị định số 117/2013/NĐ-CP ngày 07/10/2013 của Chính phủ về sửa đổi, bổ sung một số điều của Nghị định số 130/2005/NĐ-CP ngày 17/10/2005 của Chính phủ; Nghị định số 60/2021/NĐ-CP ngày 21/6/2021 của Chính phủ quy định cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập.',
      2024,
    ),
    // Next year's budget, prepared during the plan year, moves to the year after the new plan.
    [
      'Tăng cường phân cấp quản lý tài chính ngân sách Nhà nước; trình HĐND tỉnh thông qua Nghị quyết về giao dự toán thu, chi ngân sách Nhà nước năm 2025 trên địa bàn tỉnh.',
      2024,
      'Tăng cường phân cấp quản lý tài chính ngân sách Nhà nước; trình HĐND tỉnh thông qua Nghị quyết về giao dự toán thu, chi ngân sách Nhà nước năm 2026 trên địa bàn tỉnh.',
    ],
    [
      'Xây dựng và triển khai có hiệu quả Kế hoạch triển khai công tác Chuyển đổi số và thực hiện Đề án phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia năm 2024 trên địa bàn tỉnh.',
      2024,
      'Xây dựng và triển khai có hiệu quả Kế hoạch triển khai công tác Chuyển đổi số và thực hiện Đề án phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia năm 2025 trên địa bàn tỉnh.',
    ],
    same(
      'Triển khai đầu tư nâng cấp, mở rộng hạ tầng, trang thiết bị, CSDL, ứng dụng chuyên ngành theo các hạng mục thành phần của Dự án “Đầu tư thiết bị, phần mềm, cơ sở dữ liệu phục vụ xây dựng Chính quyền số, địa phương thông minh tỉnh Bình Phước giai đoạn 2022-2025',
      2024,
    ),
    [
      'Đào tạo, bồi dưỡng kiến thức, kỹ năng chuyển đổi số trên địa bàn tỉnh Bình Phước năm 2024',
      2024,
      'Đào tạo, bồi dưỡng kiến thức, kỹ năng chuyển đổi số trên địa bàn tỉnh Bình Phước năm 2025',
    ],
    [
      'Triển khai thực hiện có hiệu quả Kế hoạch cải cách hành chính Nhà nước năm 2024 trên địa bàn tỉnh',
      2024,
      'Triển khai thực hiện có hiệu quả Kế hoạch cải cách hành chính Nhà nước năm 2025 trên địa bàn tỉnh',
    ],
    [
      'Ban hành kế hoạch và tiến hành kiểm tra công tác cải cách hành chính năm 2024 trên địa bàn tỉnh',
      2024,
      'Ban hành kế hoạch và tiến hành kiểm tra công tác cải cách hành chính năm 2025 trên địa bàn tỉnh',
    ],
    same('Tổ chức đánh giá xã, phường, thị trấn đạt chuẩn “Chính quyền thân thiện” theo Quyết định số 1493/QĐ-UBND ngày 14/9/2023 của UBND tỉnh', 2024),
    [
      'Công bố Chỉ số cải cách hành chính năm 2023 của các cơ quan chuyên môn thuộc UBND tỉnh; UBND các huyện, thị xã; UBND các xã, phường, thị trấn trên địa bàn tỉnh',
      2024,
      'Công bố Chỉ số cải cách hành chính năm 2024 của các cơ quan chuyên môn thuộc UBND tỉnh; UBND các huyện, thị xã; UBND các xã, phường, thị trấn trên địa bàn tỉnh',
    ],
    [
      'Tự đánh giá, chấm điểm tiêu chí, tiêu chí thành phần chỉ số cải cách hành chính phục vụ xác định Chỉ số cải cách hành chính năm 2023 của tỉnh',
      2024,
      'Tự đánh giá, chấm điểm tiêu chí, tiêu chí thành phần chỉ số cải cách hành chính phục vụ xác định Chỉ số cải cách hành chính năm 2024 của tỉnh',
    ],
  ];
  it.each(rows)('%s', (text, from, expected) => expect(rolled(text, from)).toBe(expected));

  // The "Thời gian hoàn thành" column, every wording that names a year.
  const deadlines: Row[] = [
    ['Trong năm 2024', 2024, 'Trong năm 2025'],
    ['Trong năm quý I/2024', 2024, 'Trong năm quý I/2025'],
    ['Trong năm 2024 (sau khi có văn bản hướng dẫn, triển khai của Bộ Nội vụ).', 2024, 'Trong năm 2025 (sau khi có văn bản hướng dẫn, triển khai của Bộ Nội vụ).'],
    ['Tháng 12/2024', 2024, 'Tháng 12/2025'],
    ['Quý IV/2024', 2024, 'Quý IV/2025'],
    ['Quý I/2024', 2024, 'Quý I/2025'],
  ];
  it.each(deadlines)('deadline cell %s', (text, from, expected) => {
    expect(rolled(text, from, { deadline: true })).toBe(expected);
    expect(findYearMentions(text, from, { deadline: true }).map((m) => m.cls)).toEqual(['deadline']);
  });
});

describe('rollover rules: every year mention of the 2022 Bình Phước information plan (seed 003, OCR, diacritics restored), rolled 2022 → 2023', () => {
  const rows: Row[] = [
    // The blank place-date of an unsigned standalone plan names only the year.
    ['Bình Phước, ngày      tháng      năm 2022', 2022, 'Bình Phước, ngày      tháng      năm 2023'],
    ['Thông tin, tuyên truyền cải cách hành chính năm 2022 trên địa bàn tỉnh Bình Phước', 2022, 'Thông tin, tuyên truyền cải cách hành chính năm 2022 trên địa bàn tỉnh Bình Phước'.replace('2022', '2023')],
    // `năm 2022` in the title of a numbered, cited document names that document: never changed.
    same(
      'Thực hiện Quyết định số 251/QĐ-BNV ngày 29/3/2022 của Bộ Nội vụ ban hành Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2022; Quyết định số 3223/QĐ-UBND ngày 27/12/2021 của Ủy ban nhân dân tỉnh ban hành Kế hoạch cải cách hành chính nhà nước năm 2022 trên địa bàn tỉnh.',
      2022,
    ),
    [
      'Ủy ban nhân dân (UBND) tỉnh ban hành Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2022 trên địa bàn tỉnh, như sau:',
      2022,
      'Ủy ban nhân dân (UBND) tỉnh ban hành Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2023 trên địa bàn tỉnh, như sau:',
    ],
    [
      'Gắn với lộ trình thực hiện các nhiệm vụ của Kế hoạch cải cách hành chính nhà nước giai đoạn 2021-2025 và Kế hoạch cải cách hành chính nhà nước năm 2022 của tỉnh.',
      2022,
      'Gắn với lộ trình thực hiện các nhiệm vụ của Kế hoạch cải cách hành chính nhà nước giai đoạn 2021-2025 và Kế hoạch cải cách hành chính nhà nước năm 2023 của tỉnh.',
    ],
    // A cited document's date in December of the year before (`27/12/2021`) is not the signing season.
    same(
      'tuyên truyền tình hình triển khai, kết quả, thành tựu trong thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030 được ban hành tại Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ; Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ về việc đẩy mạnh thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030; Quyết định số 2685/QĐ-UBND ngày 18/10/2021 của UBND tỉnh ban hành Kế hoạch cải cách hành chính nhà nước giai đoạn 2021-2025 trên địa bàn tỉnh và Quyết định số 3223/QĐ-UBND ngày 27/12/2021 của UBND tỉnh ban hành Kế hoạch cải cách hành chính nhà nước năm 2022 trên địa bàn tỉnh.',
      2022,
    ),
    same(
      'Đồng thời, tuyên truyền cải cách hành chính gắn liền với Chương trình Mục tiêu Quốc gia xây dựng nông thôn theo Quyết định số 263/QĐ-TTg ngày 22/02/2022 của Thủ tướng Chính phủ về phê duyệt Chương trình Mục tiêu Quốc gia xây dựng nông thôn mới giai đoạn 2021-2025 và Kế hoạch số 105/KH-UBND ngày 20/4/2022 của UBND tỉnh về ban hành Kế hoạch thực hiện Chương trình Mục tiêu Quốc gia xây dựng nông thôn mới năm 2022 trên địa bàn tỉnh.',
      2022,
    ),
    ['a) Tổ chức Cuộc thi video clip “Chung tay cải cách hành chính” năm 2022', 2022, 'a) Tổ chức Cuộc thi video clip “Chung tay cải cách hành chính” năm 2023'],
    [
      '- Kinh phí thực hiện: Từ nguồn Kinh phí dự toán năm 2022 của Công Đoàn viên chức tỉnh.',
      2022,
      '- Kinh phí thực hiện: Từ nguồn Kinh phí dự toán năm 2023 của Công Đoàn viên chức tỉnh.',
    ],
    ['+ Từ nguồn cải cách hành chính trong dự toán năm 2022 của Sở Nội vụ.', 2022, '+ Từ nguồn cải cách hành chính trong dự toán năm 2023 của Sở Nội vụ.'],
    [
      '- Kinh phí thực hiện: Từ nguồn cải cách hành chính trong dự toán năm 2022 của Sở Nội vụ.',
      2022,
      '- Kinh phí thực hiện: Từ nguồn cải cách hành chính trong dự toán năm 2023 của Sở Nội vụ.',
    ],
    [
      '- Kinh phí thực hiện: Từ nguồn kinh phí dự toán năm 2022 của Đài Phát thanh - Truyền hình và Báo Bình Phước.',
      2022,
      '- Kinh phí thực hiện: Từ nguồn kinh phí dự toán năm 2023 của Đài Phát thanh - Truyền hình và Báo Bình Phước.',
    ],
    [
      'a) Triển khai thực hiện Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2022 của cơ quan, đơn vị và bố trí đủ kinh phí, nhân lực để triển khai thực hiện Kế hoạch.',
      2022,
      'a) Triển khai thực hiện Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2023 của cơ quan, đơn vị và bố trí đủ kinh phí, nhân lực để triển khai thực hiện Kế hoạch.',
    ],
    [
      'a) Theo dõi, kiểm tra, đôn đốc các cơ quan, đơn vị, địa phương tổ chức thực hiện kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2022.',
      2022,
      'a) Theo dõi, kiểm tra, đôn đốc các cơ quan, đơn vị, địa phương tổ chức thực hiện kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2023.',
    ],
    [
      'd) Lồng ghép việc kiểm tra công tác thông tin, tuyên truyền cải cách hành chính trong kế hoạch kiểm tra cải cách hành chính năm 2022.',
      2022,
      'd) Lồng ghép việc kiểm tra công tác thông tin, tuyên truyền cải cách hành chính trong kế hoạch kiểm tra cải cách hành chính năm 2023.',
    ],
    [
      'Căn cứ vào nguồn kinh phí đã bố trí trong dự toán năm 2022 thực hiện thẩm định và quyết toán kinh phí thực hiện kế hoạch theo quy định.',
      2022,
      'Căn cứ vào nguồn kinh phí đã bố trí trong dự toán năm 2023 thực hiện thẩm định và quyết toán kinh phí thực hiện kế hoạch theo quy định.',
    ],
    [
      'a) Bám sát chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; thực tế hoạt động cải cách hành chính trên địa bàn tỉnh trong năm 2022 để xây dựng kế hoạch tuyên truyền phù hợp.',
      2022,
      'a) Bám sát chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; thực tế hoạt động cải cách hành chính trên địa bàn tỉnh trong năm 2023 để xây dựng kế hoạch tuyên truyền phù hợp.',
    ],
    [
      'Phối hợp với Công Đoàn cơ sở trực thuộc và các cơ quan, đơn vị liên quan tổ chức cuộc thi video clip “Chung tay cải cách cải cách hành chính” năm 2022.',
      2022,
      'Phối hợp với Công Đoàn cơ sở trực thuộc và các cơ quan, đơn vị liên quan tổ chức cuộc thi video clip “Chung tay cải cách cải cách hành chính” năm 2023.',
    ],
    [
      'Trên đây là Kế hoạch thông tin, tuyên truyền cải cách hành chính nhà nước năm 2022 trên địa bàn tỉnh Bình Phước./.',
      2022,
      'Trên đây là Kế hoạch thông tin, tuyên truyền cải cách hành chính nhà nước năm 2023 trên địa bàn tỉnh Bình Phước./.',
    ],
  ];
  it.each(rows)('%s', (text, from, expected) => expect(rolled(text, from)).toBe(expected));
});

describe('rollover rules: every year mention of the Bắc Giang 2021-2030 plan (seed 002, OCR, diacritics restored)', () => {
  // A period plan: its years are periods, targets, baselines and citations. Quoted in a yearly plan of 2024 none of
  // them moves; the rows with 2021 and 2022 read them as sentences of a plan for that year.
  const rows: Row[] = [
    same('Cải cách hành chính nhà nước tỉnh Bắc Giang giai đoạn 2021-2030', 2024),
    same(
      'Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030, UBND tỉnh ban hành Kế hoạch cải cách hành chính nhà nước tỉnh Bắc Giang giai đoạn 2021-2030, cụ thể:',
      2022,
    ),
    same('xây dựng Nhà nước pháp quyền xã hội chủ nghĩa của nhân dân, do nhân dân, vì nhân dân trong giai đoạn 2021-2030.', 2024),
    same('Cải cách hành chính nhà nước giai đoạn 2021-2030 tập trung vào 06 nội dung, đó là: Cải cách thể chế; Cải cách thủ tục hành chính', 2024),
    // `Đến năm 2025` is a target of the period, in a plan of 2022 as in one of 2024.
    same('- Đến năm 2025:', 2024),
    same('- Đến năm 2025:', 2022),
    same('- Đến năm 2030: Hoàn thiện toàn diện các nội dung thể chế trong giai đoạn 2021-2025.', 2024),
    same(
      'theo Kế hoạch số 129/KH-UBND ngày 29/4/2021 của UBND tỉnh triển khai Đề án đổi mới việc thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính trên địa bàn tỉnh Bắc Giang.',
      2022,
    ),
    same(
      '+ Đề xuất cắt giảm, đơn giản hóa tối thiểu 20% số quy định và cắt giảm tối thiểu 20% chi phí tuân thủ quy định liên quan đến hoạt động kinh doanh tại các văn bản đang có hiệu lực thi hành tính đến hết ngày 31/5/2020.',
      2024,
    ),
    same(
      '+ Năm 2021, số hóa kết quả giải quyết thủ tục hành chính đang còn hiệu lực và có giá trị sử dụng thuộc thẩm quyền giải quyết của cấp tỉnh, cấp huyện, cấp xã đạt tỷ lệ tối thiểu tương ứng là 30%, 20%, 15%; giai đoạn 2022 - 2025, mỗi năm tăng tối thiểu 20% đối với mỗi cấp hành chính',
      2024,
    ),
    // Read as a sentence of a 2022 plan, `Năm 2021` is last year and is proposed; the drafter rejects it in the
    // review when the sentence is a period's target (the rules cannot see the `Đến năm 2025:` above it).
    [
      '+ Năm 2021, số hóa kết quả giải quyết thủ tục hành chính đang còn hiệu lực; giai đoạn 2022 - 2025, mỗi năm tăng tối thiểu 20%',
      2022,
      '+ Năm 2022, số hóa kết quả giải quyết thủ tục hành chính đang còn hiệu lực; giai đoạn 2022 - 2025, mỗi năm tăng tối thiểu 20%',
    ],
    same('Tổ chức triển khai có kết quả Chương trình cắt giảm, đơn giản hóa các quy định liên quan đến hoạt động kinh doanh giai đoạn 2020 - 2025.', 2024),
    // The long form of a cited document's date, in the year before the plan.
    same(
      '- Đổi mới thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính theo quy định tại Quyết định số 468/QĐ-TTg ngày 27 tháng 3 năm 2021 của Thủ tướng Chính phủ.',
      2022,
    ),
    // A web address is copied as it is, even in its own year.
    same('https://thuvienphapluat.vn/van-ban/bo-may-hanh-chinh/quyet-dinh-468-qd-ttg-2021-doi-moi-co-che-mot-cua-trong-giai-quyet-thu-tuc-hanh-chinh-468978.aspx', 2021),
    same(
      '+ Giảm tối thiểu 10% số lượng đơn vị sự nghiệp công lập trên địa bàn tỉnh so với năm 2021 (đơn vị trực thuộc các sở, cơ quan thuộc UBND cấp tỉnh, đơn vị trực thuộc UBND cấp huyện).',
      2024,
    ),
    same('+ Giảm tối thiểu 10% biên chế sự nghiệp hưởng lương từ ngân sách nhà nước so với năm 2021.', 2024),
    // `so với năm 2025` in a 2024 plan compares with a future year: the baseline of a 2030 target, not next year's work.
    same('+ Giảm tối thiểu 10% biên chế sự nghiệp hưởng lương từ ngân sách nhà nước so với năm 2025.', 2024),
    // Document numbers of the plan's own year never move.
    same(
      'Nghị quyết số 18-NQ/TW, Nghị quyết số 19-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XII; Nghị định số 107/2020/NĐ-CP, Nghị định số 108/2020/NĐ-CP, Nghị định số 120/2020/NĐ-CP của Chính phủ',
      2020,
    ),
    same(
      'Đến năm 2025, có tối thiểu 20% đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên; 100% đơn vị sự nghiệp kinh tế và sự nghiệp khác, nếu có đủ điều kiện, hoàn thành việc chuyển đổi thành công ty cổ phần hoặc chuyển sang tự bảo đảm chi thường xuyên và chi đầu tư. Đến năm 2030, giảm bình quân 15% chi trực tiếp từ ngân sách nhà nước cho đơn vị sự nghiệp công lập so với giai đoạn 2021-2025.',
      2024,
    ),
    [
      '- Ban hành quy định phân cấp ngân sách các cấp chính quyền địa phương tỉnh Bắc Giang giai đoạn 2022-2025, giai đoạn 2026-2030; Quy định định mức phân bổ dự toán chi thường xuyên ngân sách nhà nước năm 2022, giai đoạn 2022-2025 và giai đoạn 2026-2030 của các cấp chính quyền địa phương tỉnh Bắc Giang',
      2022,
      '- Ban hành quy định phân cấp ngân sách các cấp chính quyền địa phương tỉnh Bắc Giang giai đoạn 2022-2025, giai đoạn 2026-2030; Quy định định mức phân bổ dự toán chi thường xuyên ngân sách nhà nước năm 2023, giai đoạn 2022-2025 và giai đoạn 2026-2030 của các cấp chính quyền địa phương tỉnh Bắc Giang',
    ],
    // Cited in their own year (2021): number and date stay.
    same(
      '+ Đẩy mạnh giao quyền tự chủ trong đơn vị sự nghiệp công lập theo Nghị định số 60/2021/NĐ-CP ngày 21/6/2021 của Chính phủ quy định cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập, tăng cường phân cấp, tạo quyền chủ động cho đơn vị sự nghiệp công lập và Quyết định số 13/2019/QĐ-UBND ngày 29/5/2019 của UBND tỉnh ban hành Quy định về giao quyền tự chủ, tự chịu trách nhiệm',
      2021,
    ),
    same(
      '+ Triển khai thực hiện Kế hoạch chuyển đổi đơn vị sự nghiệp công lập thành Công ty cổ phần giai đoạn 2021-2025 được cấp có thẩm quyền phê duyệt, theo Nghị định số 150/2020/NĐ-CP của Chính phủ, Quyết định số 746/QĐ-UBND ngày 22/7/2021 của UBND tỉnh về việc phê duyệt Kế hoạch thực hiện chuyển đổi các đơn vị sự nghiệp công lập thành Công ty cổ phần thuộc UBND tỉnh Bắc Giang, giai đoạn 2021-2023 đảm bảo tiến độ, thời gian theo quy định.',
      2022,
    ),
    same(
      'theo Kế hoạch hành động của UBND tỉnh về thực hiện Kết luận số 82-KL/TW ngày 29/7/2020 của Bộ Chính trị khóa XII; việc thực hiện công tác thoái vốn nhà nước theo Kế hoạch số 197/KH-UBND ngày 20/7/2021 của UBND tỉnh',
      2021,
    ),
    // `Đến hết năm 2021`: a target in a later plan; in the plan of 2021 itself, that plan's deadline.
    same('+ Đến hết năm 2021, 100% dịch vụ công trực tuyến mức độ 4 được cung cấp trên nhiều phương tiện truy cập khác nhau', 2022),
    [
      '+ Đến hết năm 2021, 100% dịch vụ công trực tuyến mức độ 4 được cung cấp trên nhiều phương tiện truy cập khác nhau',
      2021,
      '+ Đến hết năm 2022, 100% dịch vụ công trực tuyến mức độ 4 được cung cấp trên nhiều phương tiện truy cập khác nhau',
    ],
    same('Đến năm 2025, xây dựng hạ tầng IoT bao gồm cảm biến IoT theo các lĩnh vực khác nhau phục vụ nhu cầu về quản lý và phát triển đô thị', 2024),
    same('xây dựng kế hoạch cải cách hành chính giai đoạn 5 năm hoặc cả giai đoạn 2021-2030 để tổ chức thực hiện', 2024),
    same('- Đến năm 2025 tiến hành sơ kết, đến năm 2030 tiến hành tổng kết, đánh giá kết quả thực hiện Kế hoạch.', 2024),
    same('đẩy mạnh công tác thông tin, tuyên truyền về cải cách hành chính nhà nước giai đoạn 2021-2030.', 2024),
    same('triển khai Nghị quyết Đại hội Đảng bộ tỉnh Bắc Giang lần thứ XIX, nhiệm kỳ 2020-2025 về nhiệm vụ phát triển kinh tế - xã hội của tỉnh.', 2024),
    same('Phấn đấu mức độ hài lòng của người dân, tổ chức đối với dịch vụ y tế công đạt tối thiểu 85% vào năm 2025, đạt tối thiểu 90% vào năm 2030.', 2024),
    same('Tỷ lệ nhà trường, các cơ sở giáo dục đáp ứng so với mong đợi của người dân đạt trên 95% vào năm 2025, đạt trên 97% vào năm 2030.', 2024),
    same(
      '- Triển khai đúng lộ trình các chương trình, đề án, kế hoạch của tỉnh về phát triển giáo dục và đào tạo giai đoạn 2021-2025, định hướng đến năm 2030 nhằm hoàn thành các mục tiêu cải cách hành chính của ngành, của tỉnh.',
      2024,
    ),
    same('Trên đây là Kế hoạch cải cách hành chính giai đoạn 2021-2030 của UBND tỉnh', 2024),
  ];
  it.each(rows)('%s (%i)', (text, from, expected) => expect(rolled(text, from)).toBe(expected));
});

describe('rollover rules: the patterns named in the issue', () => {
  const rows: Row[] = [
    // A decree cited in its own year: number, date and year all stay.
    same('Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư', 2020),
    ['Báo cáo kết quả 06 tháng đầu năm 2024', 2024, 'Báo cáo kết quả 06 tháng đầu năm 2025'],
    ['gửi báo cáo 6 tháng trước ngày 15/6/2024 và báo cáo năm trước ngày 15/12/2024', 2024, 'gửi báo cáo 6 tháng trước ngày 15/6/2025 và báo cáo năm trước ngày 15/12/2025'],
    // A reporting deadline in January of the next year and the signing season of the year before.
    ['báo cáo năm 2024 gửi trước ngày 10/01/2025', 2024, 'báo cáo năm 2025 gửi trước ngày 10/01/2026'],
    ['Các cơ quan gửi dự thảo trước ngày 25/12/2023', 2024, 'Các cơ quan gửi dự thảo trước ngày 25/12/2024'],
    // An earlier date of last year, outside any citation, is a past event.
    same('theo kết luận tại cuộc họp ngày 15/3/2023', 2024),
    // 29/02 does not exist in the new year.
    ['Hạn chót ngày 29/02/2024', 2024, 'Hạn chót ngày 28/02/2025'],
    ['Xây dựng Kế hoạch cải cách hành chính năm 2025', 2024, 'Xây dựng Kế hoạch cải cách hành chính năm 2026'],
    ['quý II năm 2024', 2024, 'quý II năm 2025'],
    ['tháng 6 năm 2024', 2024, 'tháng 6 năm 2025'],
    ['12/2024', 2024, '12/2025'],
    ['Đến hết năm 2024', 2024, 'Đến hết năm 2025'],
    // A law named with its year, a comma inside the name.
    same('Tuyên truyền Luật Thi đua, khen thưởng năm 2022', 2022),
    same('Bộ luật Lao động năm 2019', 2020),
    // A year not before `năm` is a number as likely as a year.
    same('Tiếp nhận 2024 hồ sơ', 2024),
    same('Quyết định số 2685/QĐ-UBND ngày 18/10/2021', 2021),
    same('giai đoạn 2021 – 2025', 2022),
  ];
  it.each(rows)('%s (%i)', (text, from, expected) => expect(rolled(text, from)).toBe(expected));

  it('classifies each mention with its reason', () => {
    const cls = (text: string, year: number, ctx?: MentionContext): MentionClass[] => findYearMentions(text, year, ctx).map((m) => m.cls);
    expect(cls('Nghị định số 34/2016/NĐ-CP ngày 14/5/2016', 2016)).toEqual(['cited-number', 'cited-date']);
    expect(cls('số 76/NQ-CP ngày 15/7/2021', 2021)).toEqual(['cited-date']);
    expect(cls('Luật Ban hành văn bản QPPL năm 2015', 2015)).toEqual(['cited-law']);
    expect(cls('Kế hoạch số 106/KH-UBND ngày 31/3/2023', 2023)).toEqual(['cited-date']);
    expect(cls('Quyết định 2685/QĐ-UBND ngày 18/10/2021', 2021)).toEqual(['cited-date']);
    expect(cls('giai đoạn 2021 - 2025', 2024)).toEqual(['period', 'period']);
    expect(cls('Chỉ số cải cách hành chính năm 2023', 2024)).toEqual(['previous-year-result']);
    expect(cls('so với năm 2023', 2024)).toEqual(['previous-year-result']);
    expect(cls('dự toán thu, chi ngân sách Nhà nước năm 2025', 2024)).toEqual(['next-year']);
    expect(cls('Trong năm 2024', 2024, { deadline: true })).toEqual(['deadline']);
    expect(cls('trước ngày 15/01/2024', 2024)).toEqual(['deadline']);
    expect(cls('Đến năm 2025', 2024)).toEqual(['target-year']);
    expect(cls('ban hành Kế hoạch … năm 2022', 2022)).toEqual(['plan-year']);
    expect(cls('Quyết định số 3223/QĐ-UBND ngày 27/12/2021 của UBND tỉnh ban hành Kế hoạch cải cách hành chính nhà nước năm 2022', 2022)).toEqual([
      'cited-date',
      'cited-title',
    ]);
    expect(cls('Kế hoạch CCHC 2024', 2024, { title: true })).toEqual(['plan-year']);
    for (const m of findYearMentions('Chỉ số năm 2023 và Nghị định số 30/2020/NĐ-CP', 2024)) expect(m.why).toBeTruthy();
  });
});

// ---- on the bundled sample ----

function citations(text: string): string[] {
  // Written independently of the module's rules: `số 76/NQ-CP ngày 15/7/2021`, `34/2016/NĐ-CP`, `36-CTr/TU ngày 01/3/2023`.
  const doc = /(?:số\s+)?\d+(?:-[\p{L}]+)?(?:\/\d{4})?\/\p{Lu}[\p{L}\d-]*(?:\s+ngày\s+\d{1,2}\/\d{1,2}\/\d{4})?/gu;
  const law = /Luật [^;,.()]*? (?:năm|ngày) [\d/]+/gu;
  const period = /giai đoạn \d{4}\s*-\s*\d{4}/gu;
  return [...text.matchAll(doc), ...text.matchAll(law), ...text.matchAll(period)].map((m) => m[0]);
}

function texts(pkg: PlanPackage): Map<string, string> {
  return new Map([...textPlaces(pkg)].map((p) => [p.path, p.text]));
}

describe('proposeRollover / applyRollover on the 2024 Bình Phước sample', () => {
  const sample = loadSamplePackage();
  const proposals = proposeRollover(sample, 2025);
  const byId = new Map(proposals.map((p) => [p.id, p]));

  it('proposes 56 changes, clears the number and date, and notes the Tờ trình', () => {
    expect(proposals.filter((p) => p.mode === 'change')).toHaveLength(56);
    expect(proposals.filter((p) => p.mode === 'always').map((p) => p.path)).toEqual(['decision.number', 'decision.date']);
    const info = proposals.filter((p) => p.mode === 'info');
    expect(info.map((p) => [p.path, p.reason])).toEqual([['decision.proposal', 'cited-proposal']]);
    expect(info[0].before).toBe(info[0].after);
    expect(proposals).toHaveLength(59);
    expect(new Set(proposals.map((p) => p.id)).size).toBe(proposals.length);
    const reasons: Record<string, number> = {};
    for (const p of proposals.filter((x) => x.mode === 'change')) reasons[p.reason] = (reasons[p.reason] ?? 0) + 1;
    expect(reasons).toEqual({ 'plan-year': 20, 'previous-year-result': 8, deadline: 27, 'next-year': 1 });
  });

  it('gives each change its place, context and result', () => {
    const triples = proposals.map((p) => [p.path, p.before, p.after]);
    const expected: Array<[string, string, string]> = [
      ['title', 'Kế hoạch CCHC năm 2024 - tỉnh Bình Phước', 'Kế hoạch CCHC năm 2025 - tỉnh Bình Phước'],
      [
        'decision.summary',
        'Ban hành Kế hoạch cải cách hành chính Nhà nước năm 2024 trên địa bàn tỉnh Bình Phước',
        'Ban hành Kế hoạch cải cách hành chính Nhà nước năm 2025 trên địa bàn tỉnh Bình Phước',
      ],
      ['decision.number', 'Số: 2142/QĐ-UBND', 'Số:        /QĐ-UBND'],
      ['plan.body[3]', 'MỘT SỐ CHỈ TIÊU CHỦ YẾU TRONG NĂM 2024', 'MỘT SỐ CHỈ TIÊU CHỦ YẾU TRONG NĂM 2025'],
      [
        'plan.body[3].children[1]',
        '…tiếp tục cải thiện hơn so với kết quả đánh giá năm 2023.',
        '…tiếp tục cải thiện hơn so với kết quả đánh giá năm 2024.',
      ],
      [
        'plan.body[8].children[0].children[0]',
        '…Kế hoạch về UBND tỉnh (qua Sở Nội vụ) trước ngày 15/01/2024.',
        '…Kế hoạch về UBND tỉnh (qua Sở Nội vụ) trước ngày 15/01/2025.',
      ],
      ['appendix.title', 'CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024', 'CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025'],
      ['appendix.groups[3].rows[0].deadline', 'Trong năm quý I/2024', 'Trong năm quý I/2025'],
      ['appendix.groups[3].rows[5].deadline', 'Tháng 12/2024', 'Tháng 12/2025'],
      [
        'appendix.groups[4].rows[4].task',
        '…về giao dự toán thu, chi ngân sách Nhà nước năm 2025 trên địa bàn tỉnh.',
        '…về giao dự toán thu, chi ngân sách Nhà nước năm 2026 trên địa bàn tỉnh.',
      ],
      [
        'appendix.groups[6].rows[3].task',
        'Công bố Chỉ số cải cách hành chính năm 2023 của các cơ quan chuyên môn…',
        'Công bố Chỉ số cải cách hành chính năm 2024 của các cơ quan chuyên môn…',
      ],
      ['appendix.groups[6].rows[7].deadline', 'Quý I/2024', 'Quý I/2025'],
    ];
    for (const t of expected) expect(triples).toContainEqual(t);
    const proposal = proposals.find((p) => p.path === 'decision.proposal')!;
    expect(proposal.before).toContain('Tờ trình số 2696/TTr-SNV ngày 26/12/2023');
  });

  it('has stable ids: path and offset', () => {
    expect(proposeRollover(sample, 2025).map((p) => p.id)).toEqual(proposals.map((p) => p.id));
    expect(byId.get('appendix.groups[0].rows[0].deadline@10')?.after).toBe('Trong năm 2025');
    expect(byId.get('plan.body[3].children[10]@281')?.after).toContain('tăng so với năm 2024');
  });

  it('never changes a cited document, a law or a period when everything is accepted', () => {
    const rolledPkg = applyRollover(sample, 2025, 'all');
    const before = texts(sample);
    const after = texts(rolledPkg);
    let checked = 0;
    for (const [path, text] of before) {
      const c = citations(text);
      checked += c.length;
      expect(citations(after.get(path)!), path).toEqual(c);
    }
    expect(checked).toBe(64);
    expect(rolledPkg.decision!.proposal).toBe(sample.decision!.proposal);
    expect(rolledPkg.decision!.legalBases).toEqual(sample.decision!.legalBases);
  });

  it('applies every change, clears the number and date, sets the year', () => {
    const next = applyRollover(sample, 2025, 'all');
    expect(next.year).toBe(2025);
    expect(next.title).toBe('Kế hoạch CCHC năm 2025 - tỉnh Bình Phước');
    expect(next.decision!.number).toBe('');
    expect(next.decision!.date).toBeNull();
    expect(next.decision!.summary).toBe('Ban hành Kế hoạch cải cách hành chính Nhà nước năm 2025\ntrên địa bàn tỉnh Bình Phước');
    expect(next.appendix.groups[4].rows[4].cells.deadline).toBe('Quý IV/2025');
    // Every text that changed changed only in its years: same length, same text once years are masked.
    const before = texts(sample);
    let changed = 0;
    for (const [path, text] of texts(next)) {
      const old = before.get(path)!;
      if (old !== text) changed++;
      expect(text.length, path).toBe(old.length);
      expect(text.replace(/\d{4}/g, 'YYYY'), path).toBe(old.replace(/\d{4}/g, 'YYYY'));
    }
    expect(changed).toBe(new Set(proposals.filter((p) => p.mode === 'change').map((p) => p.path)).size);
    // Read as a 2025 plan, the new package's own years are 2025 (and 2026's budget); 2024 is left only where it
    // is now last year's result, the eight `năm 2023` that moved.
    const moving = [...textPlaces(next)].flatMap((p) => findYearMentions(p.text, 2025, p.context).filter((m) => m.moves));
    expect(moving.filter((m) => m.year < 2024)).toEqual([]);
    expect(moving.filter((m) => m.year === 2024).map((m) => m.cls)).toEqual(Array(8).fill('previous-year-result'));
    expect(moving.filter((m) => m.year === 2026).map((m) => m.cls)).toEqual(['next-year']);
  });

  it('keeps the emphasis of runs: the year changes inside its run, runs are never merged', () => {
    const next = applyRollover(sample, 2025, 'all');
    const old = sample.plan.body[8].children[0].children[0].text;
    const now = next.plan.body[8].children[0].children[0].text;
    expect(now).toHaveLength(old.length);
    expect(now[1]).toEqual({ text: 'trước ngày 15/01/2025', bold: true });
    expect(now[0]).toEqual(old[0]);
    const par = next.plan.body[8].children[1].children[6].text;
    expect(par.map((r) => r.italic)).toEqual(sample.plan.body[8].children[1].children[6].text.map((r) => r.italic));
    expect(par[2].text).toContain('của tỉnh năm 2025 tại các lĩnh vực');
  });

  it('leaves the input package untouched', () => {
    const pkg = loadSamplePackage();
    const snapshot = JSON.stringify(pkg);
    proposeRollover(pkg, 2025);
    applyRollover(pkg, 2025, 'all');
    expect(JSON.stringify(pkg)).toBe(snapshot);
  });

  it('applies only the accepted proposals', () => {
    const chosen = ['appendix.groups[0].rows[0].deadline@10', 'plan.body[3].children[10]@281', 'decision.articles[0]@75'];
    for (const id of chosen) expect(byId.has(id), id).toBe(true);
    const next = applyRollover(sample, 2025, new Set([...chosen, 'not-an-id']));
    const before = texts(sample);
    const changed = [...texts(next)].filter(([path, text]) => before.get(path) !== text).map(([path]) => path);
    expect(changed.sort()).toEqual(['appendix.groups[0].rows[0].deadline', 'decision.articles[0]', 'plan.body[3].children[10]']);
    // Only the accepted year of the paragraph moved: `năm 2024 tăng so với năm 2024`.
    expect(texts(next).get('plan.body[3].children[10]')).toContain('doanh nghiệp năm 2024 tăng so với năm 2024.');
    expect(next.title).toBe(sample.title);
    // The number and date are cleared whatever is accepted.
    expect(next.decision!.number).toBe('');
    expect(next.decision!.date).toBeNull();
    expect(next.year).toBe(2025);
    // Nothing accepted: only year, number and date.
    const none = applyRollover(sample, 2025, new Set());
    expect([...texts(none)].every(([path, text]) => before.get(path) === text)).toBe(true);
  });

  it('removes store ids: the new package is a new plan', () => {
    const withIds = loadSamplePackage();
    let id = 1;
    const mark = (nodes: PlanPackage['plan']['body']): void => nodes.forEach((n) => ((n.id = id++), mark(n.children)));
    mark(withIds.plan.body);
    withIds.appendix.groups.forEach((g) => ((g.id = id++), g.rows.forEach((r) => (r.id = id++))));
    const json = JSON.stringify(applyRollover(withIds, 2025, 'all'));
    expect(json).not.toMatch(/"id":/);
  });

  it('clears a standalone Plan’s number and date', () => {
    const standalone: PlanPackage = {
      ...loadSamplePackage(),
      decision: null,
      plan: {
        ...loadSamplePackage().plan,
        issuance: {
          number: '45',
          symbol: 'KH-UBND',
          date: '2022-03-15',
          recipients: ['Lưu: VT, Phòng NC-NgV.'],
          signer: { prefix: 'TM.', title: 'ỦY BAN NHÂN DÂN', deputyTitle: 'CHỦ TỊCH', name: 'A' },
        },
      },
    };
    const props = proposeRollover(standalone, 2025);
    expect(props.filter((p) => p.mode === 'always').map((p) => p.path)).toEqual(['plan.issuance.number', 'plan.issuance.date']);
    const next = applyRollover(standalone, 2025, 'all');
    expect(next.plan.issuance!.number).toBe('');
    expect(next.plan.issuance!.date).toBeNull();
    expect(standalone.plan.issuance!.number).toBe('45');
  });

  it('notes a cited document whose title names the plan year, and never changes it', () => {
    const sentence =
      'Thực hiện Quyết định số 251/QĐ-BNV ngày 29/3/2022 của Bộ Nội vụ ban hành Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2022; Quyết định số 3223/QĐ-UBND ngày 27/12/2021 của Ủy ban nhân dân tỉnh ban hành Kế hoạch cải cách hành chính nhà nước năm 2022 trên địa bàn tỉnh.';
    const pkg: PlanPackage = {
      ...loadSamplePackage(),
      year: 2022,
      plan: { summary: 'Thông tin, tuyên truyền cải cách hành chính năm 2022', issuance: null, body: [{ kind: 'paragraph', heading: false, text: [{ text: sentence }], children: [] }] },
    };
    const props = proposeRollover(pkg, 2023).filter((p) => p.path.startsWith('plan.'));
    expect(props.map((p) => [p.path, p.mode, p.reason])).toEqual([
      ['plan.summary', 'change', 'plan-year'],
      ['plan.body[0]', 'info', 'cited-title'],
      ['plan.body[0]', 'info', 'cited-title'],
    ]);
    expect(applyRollover(pkg, 2023, 'all').plan.body[0].text[0].text).toBe(sentence);
    expect(formatProposal(props[0], 'en')).toBe(
      "plan.summary\tThông tin, tuyên truyền cải cách hành chính năm 2022\tThông tin, tuyên truyền cải cách hành chính năm 2023\tThe plan's year",
    );
    expect(formatProposal(props[1])).toMatch(/\tVăn bản được viện dẫn có nêu năm: cập nhật khi có văn bản mới \(Chỉ lưu ý\)$/);
  });

  it('refuses a year that is not one, with the coded plan.badYear (model/year.ts)', () => {
    expect(() => proposeRollover(sample, 25)).toThrow(expect.objectContaining({ code: 'plan.badYear' }));
    expect(() => applyRollover(sample, Number.NaN, 'all')).toThrow(expect.objectContaining({ code: 'plan.badYear' }));
  });
});
