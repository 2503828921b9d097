// The inquiries (問合せ) area: /inquiries is the list with the new-inquiry form, /inquiries/<id> one inquiry.
import { usePath } from '../../shell/router.js';
import { InquiryList } from './InquiryList.js';
import { InquiryView } from './InquiryView.js';
import './inquiries.css';

export default function InquiriesPage() {
  const path = usePath();
  const id = decodeURIComponent(path.slice('/inquiries/'.length));
  return path.startsWith('/inquiries/') && id ? <InquiryView key={id} id={id} /> : <InquiryList />;
}
