// What several browser journeys do with the demo: log in as a demo account (Korean or English login page),
// find a piece that can be bought now (of a listing, or of the logged-in maker's workshop), and take it
// to checkout.

export async function login(page, email, landing = /\/account$/) {
  await page.getByLabel(/이메일|Email/).fill(email);
  await page.getByLabel(/비밀번호|Password/).fill('brilliant-demo');
  await page.getByRole('button', { name: /로그인|Log in/ }).click();
  await page.waitForURL(landing);
}

// The first piece of a listing (its API query, such as "category=ring") that is in stock and not made
// to order: its slug.
export async function pieceInStock(page, base, query) {
  const list = await (await page.request.get(`${base}/api/v1/products?${query}`)).json();
  for (const card of list.cards) {
    const product = await (await page.request.get(`${base}/api/v1/products/${card.slug}`)).json();
    if (!product.made_to_order && product.variants.some((v) => v.stock > 0)) return product.slug;
  }
  return undefined;
}

// A piece in stock (not made to order) of the logged-in maker's workshop: its slug.
export async function makersPiece(page, base) {
  const profile = await (await page.request.get(`${base}/api/v1/console/profile`)).json();
  return pieceInStock(page, base, `workshop=${profile.slug}`);
}

// On the Korean pages: the piece's first size in stock into the cart, then on to checkout.
export async function toCheckout(page, base, slug) {
  await page.goto(`${base}/products/${slug}`);
  await page.locator('.variant:not(.is-out)').first().click();
  await page.getByRole('button', { name: '장바구니 담기' }).click();
  await page.waitForURL(/\/cart\?added=1/);
  await page.locator('#go-checkout').click();
  await page.waitForURL(/\/checkout$/);
}

// On the Korean checkout page: the demo shopper's phone, postcode and address, and the agreement box.
export async function fillAddress(page) {
  await page.getByLabel('휴대전화').fill('010-2345-6789');
  await page.getByLabel('우편번호').fill('54538');
  await page.getByLabel('주소', { exact: true }).fill('전북특별자치도 익산시 왕궁면 보석로 1');
  await page.locator('input[name="agree"]').check();
}
